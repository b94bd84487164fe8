package org.relationshipledger.mapping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.relationshipledger.contracts.EventType;

@AnalyzeClasses(packages = "org.relationshipledger.mapping",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ModularityTest {

    @ArchTest
    static final ArchRule domainIsFreeOfSpringMongoAndKafka = noClasses()
            .that().resideInAnyPackage("..mapping.accountmap..", "..mapping.views..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                    "org.apache.kafka..", "io.cloudevents..");

    @ArchTest
    static final ArchRule viewsArePureFunctionsWithoutAxon = noClasses()
            .that().resideInAPackage("..mapping.views..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..");

    @ArchTest
    static final ArchRule onlyIntegrationSeesThePublishedLanguage = noClasses()
            .that().resideOutsideOfPackage("..mapping.integration..")
            .should().dependOnClassesThat(DescribedPredicate.describe("published-language types other than @EventType",
                    (JavaClass type) -> type.getPackageName().equals(EventType.class.getPackageName())
                            && !type.isEquivalentTo(EventType.class)));

    @ArchTest
    static final ArchRule onlyIntegrationTalksToKafka = noClasses()
            .that().resideOutsideOfPackage("..mapping.integration..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule domainDoesNotReachForTheWebOrIntegration = noClasses()
            .that().resideInAnyPackage("..mapping.accountmap..", "..mapping.views..")
            .should().dependOnClassesThat().resideInAnyPackage("..mapping.api..", "..mapping.integration..",
                    "..mapping.infrastructure..");
}

package org.relationshipledger.contacts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.relationshipledger.contracts.EventType;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the model free of infrastructure, and the published language inside the integration package. */
@AnalyzeClasses(packages = "org.relationshipledger.contacts", importOptions = ImportOption.DoNotIncludeTests.class)
class ModularityTest {

    /** Aggregates, their commands and events, and the ports they decide with. */
    private static final DescribedPredicate<JavaClass> MODEL = DescribedPredicate.describe("the domain model",
            type -> type.getPackageName().matches(".*\\.(account|contact)")
                    && !type.getSimpleName().matches(".*(Controller|Projection|View)")
                    && !type.getName().matches(".*(Controller|Projection|View)\\$.*")
                    && !type.getSimpleName().equals("DuplicateCandidates")
                    && !type.getName().contains("DuplicateCandidates$"));

    @ArchTest
    static final ArchRule modelKnowsNoSpringWebMongoOrKafka = noClasses().that(MODEL)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                    "org.apache.kafka..", "com.google.crypto..");

    @ArchTest
    static final ArchRule onlyTheIntegrationPackageSeesThePublishedEvents = noClasses()
            .that().resideOutsideOfPackage("..contacts.integration..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.relationshipledger.contracts..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(EventType.class))))
            .because("features talk to other services only through the translator");

    @ArchTest
    static final ArchRule onlyTheIdentityPackageHoldsCryptoAndKeys = noClasses()
            .that().resideOutsideOfPackages("..contacts.identity..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.crypto..");
}

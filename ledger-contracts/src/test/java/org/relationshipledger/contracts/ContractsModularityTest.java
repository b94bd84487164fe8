package org.relationshipledger.contracts;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** Any service, in any stack, can take the contracts without taking our dependencies. */
@AnalyzeClasses(packages = "org.relationshipledger.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractsModularityTest {

    @ArchTest
    static final ArchRule contractsDependOnlyOnTheJdkAndJacksonAnnotations = classes()
            .that().resideInAPackage("org.relationshipledger.contracts..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("org.relationshipledger.contracts..", "java..", "com.fasterxml.jackson.annotation..");

    @ArchTest
    static final ArchRule publishedEventsAreRecords = classes()
            .that().resideInAPackage("org.relationshipledger.contracts..")
            .and().areAnnotatedWith(EventType.class)
            .should().beRecords();
}

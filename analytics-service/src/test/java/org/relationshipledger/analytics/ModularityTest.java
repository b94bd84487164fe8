package org.relationshipledger.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Test;

class ModularityTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.relationshipledger.analytics");

    @Test
    void scoringKpiMathChainChecksAndHistoriesArePureFunctionsFreeOfFrameworks() {
        ArchRule rule = noClasses()
                .that().resideInAnyPackage("..analytics.history..", "..analytics.health.scoring..",
                        "..analytics.kpi.math..", "..analytics.audit.chain..",
                        "..analytics.whatif.comparison..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "org.apache.kafka..", "org.relationshipledger.core..",
                        "com.fasterxml.jackson..", "org.relationshipledger.analytics.ledger..");

        rule.check(CLASSES);
    }

    @Test
    void onlyTheIntegrationPackageSeesKafka() {
        ArchRule rule = noClasses()
                .that().resideOutsideOfPackage("..analytics.integration..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

        rule.check(CLASSES);
    }

    @Test
    void onlyTheLedgerPackageSeesMongo() {
        ArchRule rule = noClasses()
                .that().resideOutsideOfPackages("..analytics.ledger..", "..analytics.infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..");

        rule.check(CLASSES);
    }
}

package org.relationshipledger.engagement;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.EventType;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ModularityTest {

    static final JavaClasses ENGAGEMENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.relationshipledger.engagement");

    /** The model packages decide; web, storage and messaging adapt around them. */
    static final String[] DOMAIN = {
            "org.relationshipledger.engagement.interaction",
            "org.relationshipledger.engagement.ticket",
            "org.relationshipledger.engagement.survey",
            "org.relationshipledger.engagement.ownership",
            "org.relationshipledger.engagement.roster",
            "org.relationshipledger.engagement.freetext"};

    @Test
    void domainPackagesSeeNoSpringMongoOrKafka() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "org.apache.kafka..", "jakarta.servlet..")
                .check(ENGAGEMENT);
    }

    /** Stored events borrow only the {@code @EventType} annotation from the published language. */
    @Test
    void onlyTheIntegrationPackageSeesThePublishedLanguageOrKafka() {
        noClasses().that().resideOutsideOfPackage("org.relationshipledger.engagement.integration..")
                .should().dependOnClassesThat(resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
                        .or(resideInAPackage("org.relationshipledger.contracts").and(not(type(EventType.class)))))
                .check(ENGAGEMENT);
    }

    /** Tink stays behind the vault port, in the one package that keeps the keys. */
    @Test
    void onlyTheKeyPackageSeesTink() {
        noClasses().that().resideOutsideOfPackage("org.relationshipledger.engagement.textkeys..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.crypto.tink..")
                .check(ENGAGEMENT);
    }

    @Test
    void domainPackagesDoNotReachIntoAdapters() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.relationshipledger.engagement.history..",
                        "org.relationshipledger.engagement.integration..",
                        "org.relationshipledger.engagement.idempotency..", "org.relationshipledger.engagement.textkeys..",
                        "org.relationshipledger.engagement.upcasting..", "..api..")
                .check(ENGAGEMENT);
    }
}

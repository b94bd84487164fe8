package org.relationshipledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InfrastructureTest {

    private final Infrastructure infrastructure = new Infrastructure("in-process", "127.0.0.1:1", "mongodb://x", null);

    @Test
    void givesADifferentDatabaseNameOnEveryCall() {
        assertThat(infrastructure.uniqueDatabaseName("contacts"))
                .startsWith("contacts_")
                .isNotEqualTo(infrastructure.uniqueDatabaseName("contacts"));
    }

    @Test
    void makesAnyPrefixIntoALegalMongoDatabaseName() {
        String name = infrastructure.uniqueDatabaseName("a.b/c d$e\"f*<>:|?".repeat(10));

        assertThat(name).matches("[A-Za-z0-9_-]+").hasSizeLessThanOrEqualTo(63);
    }
}

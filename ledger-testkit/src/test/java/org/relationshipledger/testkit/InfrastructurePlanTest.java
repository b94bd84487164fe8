package org.relationshipledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.relationshipledger.testkit.InfrastructurePlan.Source;

class InfrastructurePlanTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;

    @Test
    void usesTheGivenServersWithoutAskingDockerWhenBothVariablesAreSet() {
        BooleanSupplier mustNotBeAsked = () -> {
            throw new AssertionError("Docker was checked although both servers were given");
        };

        InfrastructurePlan plan = InfrastructurePlan.choose(
                Map.of("MONGODB_URI", "mongodb://db:27017", "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), mustNotBeAsked);

        assertThat(plan.mongo()).isEqualTo(Source.EXTERNAL);
        assertThat(plan.kafka()).isEqualTo(Source.EXTERNAL);
        assertThat(plan.kind()).isEqualTo("external");
    }

    @Test
    void startsContainersWhenNoVariableIsSetAndDockerAnswers() {
        InfrastructurePlan plan = InfrastructurePlan.choose(Map.of(), DOCKER);

        assertThat(plan.kind()).isEqualTo("testcontainers");
        assertThat(plan.reason()).contains("Docker daemon available");
    }

    @Test
    void runsBothServersInProcessWhenNoVariableIsSetAndThereIsNoDocker() {
        InfrastructurePlan plan = InfrastructurePlan.choose(Map.of(), NO_DOCKER);

        assertThat(plan.mongo()).isEqualTo(Source.IN_PROCESS);
        assertThat(plan.kafka()).isEqualTo(Source.IN_PROCESS);
        assertThat(plan.kind()).isEqualTo("in-process");
        assertThat(plan.reason()).isEqualTo("MONGODB_URI and KAFKA_BOOTSTRAP_SERVERS unset, no Docker daemon");
    }

    @Test
    void decidesEachServerOnItsOwn() {
        InfrastructurePlan plan = InfrastructurePlan.choose(Map.of("MONGODB_URI", "mongodb://db:27017"), NO_DOCKER);

        assertThat(plan.mongo()).isEqualTo(Source.EXTERNAL);
        assertThat(plan.kafka()).isEqualTo(Source.IN_PROCESS);
        assertThat(plan.kind()).isEqualTo("mongo=external,kafka=in-process");
        assertThat(plan.reason()).isEqualTo("MONGODB_URI set, KAFKA_BOOTSTRAP_SERVERS unset, no Docker daemon");
    }

    @Test
    void treatsABlankVariableAsUnset() {
        InfrastructurePlan plan = InfrastructurePlan.choose(Map.of("KAFKA_BOOTSTRAP_SERVERS", " "), DOCKER);

        assertThat(plan.kafka()).isEqualTo(Source.TESTCONTAINERS);
    }
}

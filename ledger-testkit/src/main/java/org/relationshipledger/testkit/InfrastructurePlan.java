package org.relationshipledger.testkit;

import java.util.Map;
import java.util.function.BooleanSupplier;

/** Which source serves MongoDB and which serves Kafka, and why; decided independently for each server. */
record InfrastructurePlan(Source mongo, Source kafka, String reason) {

    static final String MONGODB_URI = "MONGODB_URI";
    static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";

    enum Source {
        EXTERNAL("external"), TESTCONTAINERS("testcontainers"), IN_PROCESS("in-process");

        final String label;

        Source(String label) {
            this.label = label;
        }
    }

    /** Asks about Docker only when some server has no variable, because the first check costs ~0.3 s. */
    static InfrastructurePlan choose(Map<String, String> environment, BooleanSupplier dockerAvailable) {
        boolean externalMongo = isSet(environment.get(MONGODB_URI));
        boolean externalKafka = isSet(environment.get(KAFKA_BOOTSTRAP_SERVERS));
        if (externalMongo && externalKafka) {
            return new InfrastructurePlan(Source.EXTERNAL, Source.EXTERNAL,
                    MONGODB_URI + " and " + KAFKA_BOOTSTRAP_SERVERS + " set");
        }
        boolean docker = dockerAvailable.getAsBoolean();
        Source fallback = docker ? Source.TESTCONTAINERS : Source.IN_PROCESS;
        String dockerReason = docker ? "Docker daemon available" : "no Docker daemon";
        if (!externalMongo && !externalKafka) {
            return new InfrastructurePlan(fallback, fallback,
                    MONGODB_URI + " and " + KAFKA_BOOTSTRAP_SERVERS + " unset, " + dockerReason);
        }
        String set = externalMongo ? MONGODB_URI : KAFKA_BOOTSTRAP_SERVERS;
        String unset = externalMongo ? KAFKA_BOOTSTRAP_SERVERS : MONGODB_URI;
        return new InfrastructurePlan(
                externalMongo ? Source.EXTERNAL : fallback,
                externalKafka ? Source.EXTERNAL : fallback,
                set + " set, " + unset + " unset, " + dockerReason);
    }

    String kind() {
        return mongo == kafka ? mongo.label : "mongo=" + mongo.label + ",kafka=" + kafka.label;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}

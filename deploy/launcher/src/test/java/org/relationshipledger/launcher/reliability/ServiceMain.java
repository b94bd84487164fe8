package org.relationshipledger.launcher.reliability;

import java.util.Arrays;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * One service alone in its JVM, so a fault test can kill it: {@code <service name> <spring arguments...>}, the
 * arguments built by {@link Service#arguments} in the test JVM.
 */
public final class ServiceMain {

    static final String READY = "service-main: ready";

    private ServiceMain() {
    }

    public static void main(String[] args) {
        Service service = Service.named(args[0]);
        new SpringApplicationBuilder(service.application()).run(Arrays.copyOfRange(args, 1, args.length));
        System.out.println(READY + " " + service.serviceName());
    }
}

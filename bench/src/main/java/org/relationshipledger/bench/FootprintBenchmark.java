package org.relationshipledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.testkit.DevelopmentTokens;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * FOOTPRINT: what each service costs on its own. The four services run each in a JVM of its own (the heap, GC and
 * processor count of a pod of the base deployment: 512 MiB limit, {@code MaxRAMPercentage=75}, 1 CPU), on the
 * benchmark's servers, which stay in the benchmark JVM with the client, so neither is charged to a service. One
 * client drives the public HTTP API with a development token, phase by phase: contacts-service adds contacts to an
 * account it opened, mapping-service takes reporting lines and relationships between them, engagement-service logs
 * interactions with them; analytics-service takes no commands, so it is measured per event it projects (from the
 * three phases) and per query ({@code /health}, then {@code /timeline} of that account). Each phase is measured in
 * two halves, the first paying for the JIT; a command half ends when its events are on the topic and every
 * consumer group has committed up to the end of its topics (read from the broker, not asked of the services).
 * CPU time is the kernel's ({@code /proc/<pid>/stat}, user + system); memory is {@code VmRSS} once every service is
 * up and idle, and {@code VmHWM} (the peak) at the end. The services' consumer groups start at the end of the
 * topics (what B3 or B8 left there is not theirs to project), so this is for a benchmark broker only.
 * {@code -Dbench.footprint.commands} (default 500 per service), {@code .queries} (200 per view), {@code .jvm} (the
 * services' JVM options).
 */
final class FootprintBenchmark {

    private static final String CONTACTS = "org.relationshipledger.contacts.ContactsApplication";
    private static final String MAPPING = "org.relationshipledger.mapping.MappingApplication";
    /** The deployment's pod: 75 % of a 512 MiB limit for the heap, and the GC and CPU count a 1-CPU limit gives. */
    private static final String POD_JVM = "-Xmx384m -XX:+UseSerialGC -XX:ActiveProcessorCount=1";
    private static final double POD_MEMORY_MIB = 512;
    /** The services' consumer groups and their topics, as the services' listeners declare them. */
    private static final Map<String, List<String>> GROUPS = Map.of(
            "mapping-service.contacts", List.of(Topics.CONTACTS),
            "engagement-service.contacts", List.of(Topics.CONTACTS),
            "engagement-service.account-map", List.of(Topics.MAPPING),
            "analytics-service.account-ledger", List.of(Topics.CONTACTS, Topics.MAPPING, Topics.ENGAGEMENT));
    private static final String[] RELATIONSHIP_TYPES = {"DEFERS_TO", "INFLUENCES", "OPPOSES"};
    private static final String[] REASONS = {"AUTHORITY", "EXPERTISE", "TRUST", "SHARED_INTEREST", "PAST_CONFLICT"};
    private static final String[] CHANNELS = {"EMAIL", "CALL", "MEETING", "CHAT"};

    private final String mongoUri;
    private final String kafkaBootstrapServers;
    private final int commands;
    private final int queries;
    private final Duration idle;
    private final List<String> jvmOptions;
    private final DevelopmentTokens tokens = DevelopmentTokens.forTests();
    /** Every service, in start order; the same order as the figures. */
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, ServiceClient> clients = new LinkedHashMap<>();
    private final List<String> contactIds = new ArrayList<>();
    private String accountId;

    FootprintBenchmark(String mongoUri, String kafkaBootstrapServers) {
        this.mongoUri = mongoUri;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.commands = Integer.getInteger("bench.footprint.commands", 500);
        this.queries = Integer.getInteger("bench.footprint.queries", 200);
        this.idle = Duration.ofSeconds(Long.getLong("bench.footprint.idle-seconds", 10));
        this.jvmOptions = List.of(System.getProperty("bench.footprint.jvm", POD_JVM).trim().split("\\s+"));
    }

    /** Never throws: a failure is one unmet figure with its cause, so the benchmarks run before it still report. */
    List<Figure> run() {
        Thread stopServices = new Thread(this::stopServices, "footprint-stop-services");
        Runtime.getRuntime().addShutdownHook(stopServices);
        try {
            return measure();
        } catch (Exception e) {
            e.printStackTrace();
            return List.of(Figure.absolute("FOOTPRINT", "per-service CPU and memory (failed)", Double.NaN, "—", "—",
                    false, e.toString().replace('|', '/').replace('\n', ' ')));
        } finally {
            stopServices();
            try {
                Runtime.getRuntime().removeShutdownHook(stopServices);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: the services are stopped either way
            }
        }
    }

    private List<Figure> measure() throws Exception {
        Path logs = Files.createTempDirectory("bench-footprint-");
        System.out.println("FOOTPRINT: services' logs in " + logs + ", JVM options " + jvmOptions);
        String token = tokens.defaultToken();
        long started = System.nanoTime();
        TopicProgress.startAtEnd(kafkaBootstrapServers, GROUPS);
        for (String[] service : new String[][] {{"contacts-service", CONTACTS}, {"mapping-service", MAPPING},
                {"engagement-service", EndToEndBenchmark.ENGAGEMENT},
                {"analytics-service", ReplayBenchmark.ANALYTICS}}) {
            String name = service[0];
            ServiceProcess process = ServiceProcess.start(name, service[1], jvmOptions, arguments(name),
                    logs.resolve(name + ".log"));
            services.put(name, process);
            clients.put(name, new ServiceClient(process.baseUri(), token));
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(clients.get(service.name()), Duration.ofMinutes(4));
        }
        double startSeconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> startCpu = cpu();
        System.out.printf(Locale.ROOT, "FOOTPRINT: four services healthy after %.0f s, CPU-s %s%n", startSeconds,
                startCpu);

        List<Figure> figures = new ArrayList<>();
        try (TopicProgress topics = new TopicProgress(kafkaBootstrapServers,
                List.of(Topics.CONTACTS, Topics.MAPPING, Topics.ENGAGEMENT))) {
            awaitSettled(topics, null, 0);
            Map<String, Double> idleRss = new LinkedHashMap<>();
            for (ServiceProcess service : services.values()) {
                idleRss.put(service.name(), service.residentMegabytes());
            }

            openAccount();
            awaitSettled(topics, Topics.CONTACTS, 1);
            Phase[] contacts = halves("contacts", this::addContacts, topics, Topics.CONTACTS);
            List<String[]> map = mapCommands();
            Phase[] mapping = halves("mapping", (from, to) -> mapContacts(map.subList(from, to)), topics,
                    Topics.MAPPING);
            Phase[] engagement = halves("engagement", this::logInteractions, topics, Topics.ENGAGEMENT);

            ServiceClient analytics = clients.get("analytics-service");
            byte[] timelineBody = analytics.send("GET", "/accounts/" + accountId + "/timeline", null);
            long onTopics = 1 + contacts[0].events() + contacts[1].events() + mapping[0].events()
                    + mapping[1].events() + engagement[0].events() + engagement[1].events();
            int entries = LedgerJson.mapper().readTree(timelineBody).path("entries").size();
            if (entries != onTopics) {
                throw new IllegalStateException("analytics' timeline holds " + entries + " events of the account,"
                        + " the topics " + onTopics);
            }
            Phase[] health = halves("analytics /health", (from, to) -> read("/health", to - from), null, null);
            Phase[] timeline = halves("analytics /timeline", (from, to) -> read("/timeline", to - from), null,
                    null);

            // A window of nothing to do, measured after the load (warm, steady), not a wait for something.
            Map<String, Double> idleBefore = cpu();
            LockSupport.parkNanos(idle.toNanos());
            Map<String, Double> idleBurn = perMinute(idleBefore, cpu(), idle.toNanos());

            String context = String.format(Locale.ROOT, "; start to healthy %%.1f CPU-s (%.0f s, four at once);"
                    + " idle after the load %%.2f CPU-s/min", startSeconds);
            figures.add(commandFigure("contacts-service", "add contact", contacts,
                    String.format(Locale.ROOT, context, startCpu.get("contacts-service"),
                            idleBurn.get("contacts-service"))));
            figures.add(commandFigure("mapping-service", "set reporting line / change relationship", mapping,
                    String.format(Locale.ROOT, context, startCpu.get("mapping-service"),
                            idleBurn.get("mapping-service"))));
            figures.add(commandFigure("engagement-service", "log interaction", engagement,
                    String.format(Locale.ROOT, context, startCpu.get("engagement-service"),
                            idleBurn.get("engagement-service"))));
            figures.add(projectionFigure(new Phase[][] {contacts, mapping, engagement},
                    String.format(Locale.ROOT, context, startCpu.get("analytics-service"),
                            idleBurn.get("analytics-service"))));
            figures.add(queryFigure("FP-analytics-CPU-health", "/accounts/{id}/health", health, ""));
            figures.add(queryFigure("FP-analytics-CPU-timeline", "/accounts/{id}/timeline", timeline,
                    String.format(Locale.ROOT, "; a timeline of %,d events, %,d bytes", entries,
                            timelineBody.length)));
            for (ServiceProcess service : services.values()) {
                double peak = service.peakResidentMegabytes();
                double before = idleRss.get(service.name());
                figures.add(new Figure("FP-" + service.name().replace("-service", "") + "-RSS",
                        service.name() + ": peak resident memory (VmHWM) at the end", peak, "MiB", before,
                        "VmRSS idle after start", peak / before, "≤ 512 MiB (the pod's limit)",
                        peak <= POD_MEMORY_MIB, "own JVM " + String.join(" ", jvmOptions)));
            }
        }
        System.out.printf(Locale.ROOT, "FOOTPRINT: done in %.0f s%n", (System.nanoTime() - started) / 1e9);
        return figures;
    }

    private List<String> arguments(String service) {
        return List.of("--spring.config.name=" + service,
                "--spring.data.mongodb.uri=" + mongoUri,
                "--spring.data.mongodb.database=" + service.replace("-service", "") + "-footprint",
                "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + tokens.publicKeyLocation(),
                "--spring.jmx.enabled=false", "--logging.level.root=WARN");
    }

    /** Requests {@code from} (inclusive) to {@code to} (exclusive) of a phase, one after the other. */
    @FunctionalInterface
    private interface Work {
        void run(int from, int to) throws Exception;
    }

    /** CPU-seconds each service spent in a phase, how many requests it made and events it put on the topic. */
    private record Phase(Map<String, Double> cpuSeconds, double seconds, int requests, long events) {
        double cpu(String service) {
            return cpuSeconds.get(service);
        }
    }

    /**
     * The first and the second half of the phase's requests ({@code commands} of them, or {@code queries}), each
     * measured on its own: the first pays for the JIT compiling the path, the second is closer to a service that
     * has been running.
     */
    private Phase[] halves(String name, Work work, TopicProgress topics, String topic) throws Exception {
        int total = topic == null ? queries : commands;
        return new Phase[] {phase(name + " 1st half", work, 0, total / 2, topics, topic),
                phase(name + " 2nd half", work, total / 2, total, topics, topic)};
    }

    /**
     * Runs requests {@code from} to {@code to}; with a {@code topic}, the phase lasts until the relay has put one
     * event per request on it and every consumer group has handled them, so the relay's and the consumers' share
     * are in it.
     */
    private Phase phase(String name, Work work, int from, int to, TopicProgress topics, String topic)
            throws Exception {
        long onTopic = topic == null ? 0 : topics.count(topic, accountId);
        Map<String, Double> before = cpu();
        long start = System.nanoTime();
        work.run(from, to);
        long events = topic == null ? 0 : awaitSettled(topics, topic, onTopic + to - from) - onTopic;
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> after = cpu();
        Map<String, Double> spent = new LinkedHashMap<>();
        after.forEach((service, cpu) -> spent.put(service, cpu - before.get(service)));
        System.out.printf(Locale.ROOT, "FOOTPRINT: %s, %d requests, %.0f s, CPU-s %s%n", name, to - from, seconds,
                spent);
        return new Phase(spent, seconds, to - from, events);
    }

    /**
     * Until {@code topic} holds {@code events} records of the account and every consumer group of the services is
     * at the end of its topics; answers how many records of the account the topic holds.
     */
    private long awaitSettled(TopicProgress topics, String topic, long events) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            long published = topic == null ? 0 : topics.count(topic, accountId);
            if (published >= events && topics.caughtUp(GROUPS)) {
                return published;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not settled within 5 minutes: " + published + " of " + events
                        + " events of " + accountId + " on " + topic + ", or a consumer group behind");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    private Map<String, Double> cpu() throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (ServiceProcess service : services.values()) {
            seconds.put(service.name(), service.cpuSeconds());
        }
        return seconds;
    }

    private static Map<String, Double> perMinute(Map<String, Double> before, Map<String, Double> after, long nanos) {
        Map<String, Double> rate = new LinkedHashMap<>();
        after.forEach((service, cpu) -> rate.put(service, (cpu - before.get(service)) / (nanos / 60e9)));
        return rate;
    }

    private void openAccount() throws Exception {
        JsonNode opened = LedgerJson.mapper().readTree(clients.get("contacts-service").send("POST", "/accounts",
                "{\"name\":\"Footprint Logistics\",\"industry\":\"Logistics\",\"segment\":\"ENTERPRISE\","
                        + "\"region\":\"EMEA\"}"));
        accountId = opened.path("id").asText();
    }

    private void addContacts(int from, int to) throws Exception {
        ServiceClient contacts = clients.get("contacts-service");
        for (int i = from; i < to; i++) {
            JsonNode added = LedgerJson.mapper().readTree(contacts.send("POST", "/accounts/" + accountId + "/contacts",
                    String.format(Locale.ROOT, "{\"fullName\":\"Person %d\",\"email\":\"person%d@example.com\","
                                    + "\"title\":\"%s\",\"department\":\"Operations\",\"seniority\":\"%s\"}", i, i,
                            i == 0 ? "Chief Executive Officer" : "Manager " + i, i == 0 ? "C_LEVEL" : "MANAGER")));
            contactIds.add(added.path("id").asText());
        }
    }

    /**
     * (path, body) pairs in a seeded random order: 60 % reporting lines, each to a lower-numbered contact (none
     * closes a cycle), the rest distinct relationships.
     */
    private List<String[]> mapCommands() {
        Random random = new Random(8);
        List<String[]> map = new ArrayList<>();
        int lines = Math.min(commands * 6 / 10, contactIds.size() - 1);
        for (int i = 1; i <= lines; i++) {
            map.add(new String[] {"/reporting-lines", String.format(
                    "{\"contactId\":\"%s\",\"managerId\":\"%s\",\"kind\":\"SOLID\"}", contactIds.get(i),
                    contactIds.get((i - 1) / 5))});
        }
        Set<String> taken = new HashSet<>();
        while (map.size() < commands) {
            int from = random.nextInt(contactIds.size());
            int to = random.nextInt(contactIds.size());
            String type = RELATIONSHIP_TYPES[random.nextInt(RELATIONSHIP_TYPES.length)];
            if (from != to && taken.add(from + ">" + to + ":" + type)) {
                map.add(new String[] {"/relationships", String.format(Locale.ROOT,
                        "{\"fromContactId\":\"%s\",\"toContactId\":\"%s\",\"type\":\"%s\",\"strength\":%d,"
                                + "\"reason\":\"%s\"}", contactIds.get(from), contactIds.get(to), type,
                        1 + random.nextInt(5), REASONS[random.nextInt(REASONS.length)])});
            }
        }
        Collections.shuffle(map, random);
        return map;
    }

    private void mapContacts(List<String[]> map) throws Exception {
        ServiceClient mapping = clients.get("mapping-service");
        for (String[] command : map) {
            mapping.send("PUT", "/accounts/" + accountId + command[0], command[1]);
        }
    }

    private void logInteractions(int from, int to) throws Exception {
        Random random = new Random(9 + from);
        ServiceClient engagement = clients.get("engagement-service");
        for (int i = from; i < to; i++) {
            engagement.send("POST", "/accounts/" + accountId + "/interactions", String.format(Locale.ROOT,
                    "{\"channel\":\"%s\",\"direction\":\"OUTBOUND\",\"occurredAt\":\"%s\",\"contactIds\":[\"%s\"],"
                            + "\"teamMemberIds\":[\"tm-avery\"],\"sentiment\":%d,\"summary\":\"Check-in %d\","
                            + "\"recordedBy\":\"tm-avery\"}", CHANNELS[i % CHANNELS.length],
                    Instant.now().minusSeconds(60), contactIds.get(i % contactIds.size()), random.nextInt(5) - 2, i));
        }
    }

    private void read(String view, int times) throws Exception {
        ServiceClient analytics = clients.get("analytics-service");
        for (int i = 0; i < times; i++) {
            analytics.send("GET", "/accounts/" + accountId + view, null);
        }
    }

    /** Per 1,000 requests of the second half as the value; the first half's in the note. */
    private Figure commandFigure(String service, String what, Phase[] halves, String context) {
        Phase warm = halves[1];
        StringBuilder others = new StringBuilder();
        warm.cpuSeconds().forEach((other, cpu) -> {
            if (!other.equals(service)) {
                others.append(String.format(Locale.ROOT, ", %s %.1f", other.replace("-service", ""), cpu));
            }
        });
        return Figure.absolute("FP-" + service.replace("-service", "") + "-CPU", String.format(Locale.ROOT,
                        "%s: CPU-seconds per 1,000 commands (%s over HTTP, its relay included), commands %,d–%,d",
                        service, what, halves[0].requests() + 1, halves[0].requests() + warm.requests()),
                perThousand(warm, service), "CPU-s", "—", true, String.format(Locale.ROOT,
                        "%,d commands, %,d events published, in %.0f s, %.1f CPU-s; the first %,d: %.1f CPU-s per"
                                + " 1,000%s; meanwhile (CPU-s) %s", warm.requests(), warm.events(), warm.seconds(),
                        warm.cpu(service), halves[0].requests(), perThousand(halves[0], service), context,
                        others.substring(2)));
    }

    private static double perThousand(Phase phase, String service) {
        return phase.cpu(service) / phase.requests() * 1000;
    }

    /** Analytics' CPU over the second halves of the three command phases, per event those halves published. */
    private Figure projectionFigure(Phase[][] phases, String context) {
        double[] cpu = new double[2];
        long[] events = new long[2];
        double seconds = 0;
        for (Phase[] halves : phases) {
            for (int half = 0; half < 2; half++) {
                cpu[half] += halves[half].cpu("analytics-service");
                events[half] += halves[half].events();
            }
            seconds += halves[1].seconds();
        }
        return Figure.absolute("FP-analytics-CPU-events",
                "analytics-service: CPU-seconds per 1,000 events projected (it takes no commands), second halves",
                cpu[1] / events[1] * 1000, "CPU-s", "—", true, String.format(Locale.ROOT,
                        "%,d events (contacts, mapping, engagement in turn) in %.0f s, %.1f CPU-s; the first halves'"
                                + " %,d: %.1f CPU-s per 1,000%s", events[1], seconds, cpu[1], events[0],
                        cpu[0] / events[0] * 1000, context));
    }

    private Figure queryFigure(String id, String path, Phase[] halves, String detail) {
        Phase warm = halves[1];
        return Figure.absolute(id, "analytics-service: CPU-seconds per 1,000 queries of " + path + ", second half",
                perThousand(warm, "analytics-service"), "CPU-s", "—", true, String.format(Locale.ROOT,
                        "%,d queries, one client, in %.1f s, %.2f CPU-s; the first %,d: %.1f CPU-s per 1,000%s",
                        warm.requests(), warm.seconds(), warm.cpu("analytics-service"), halves[0].requests(),
                        perThousand(halves[0], "analytics-service"), detail));
    }

    private void stopServices() {
        List<ServiceProcess> running = new ArrayList<>(services.values());
        Collections.reverse(running);
        for (ServiceProcess service : running) {
            try {
                service.close();
            } catch (RuntimeException e) {
                System.err.println("FOOTPRINT: could not stop " + service + ": " + e);
            }
        }
    }
}

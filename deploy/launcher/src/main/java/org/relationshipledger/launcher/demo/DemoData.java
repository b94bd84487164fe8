package org.relationshipledger.launcher.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.relationshipledger.launcher.demo.DemoStory.Account;
import org.relationshipledger.launcher.demo.DemoStory.Cadence;
import org.relationshipledger.launcher.demo.DemoStory.Person;

/**
 * Loads {@link DemoStory} through the services' public HTTP APIs, once per data directory. The marker file
 * {@code demo-loaded} (holding the strategic account's id) is what "once" means: it lives beside the embedded
 * servers' data, and with real servers it still ties the load to this data directory, so nothing is written to
 * a database except by the services themselves.
 */
public final class DemoData {

    static final String MARKER = "demo-loaded";
    private static final Duration LEARNING_TIMEOUT = Duration.ofSeconds(60);
    private static final String[] CHANNELS = {"MEETING", "CALL", "EMAIL", "BUSINESS_REVIEW", "CHAT"};

    private final DemoEndpoints endpoints;
    private final LedgerApi api;
    private final Clock clock;
    private final Consumer<String> log;

    private DemoData(DemoEndpoints endpoints, String bearerToken, Clock clock, Consumer<String> log) {
        this.endpoints = endpoints;
        this.api = new LedgerApi(LEARNING_TIMEOUT, bearerToken);
        this.clock = clock;
        this.log = log;
    }

    /** The strategic account's id when the demo data was loaded into this data directory before. */
    public static Optional<String> strategicAccountId(Path dataDirectory) {
        Path marker = dataDirectory.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return Optional.empty();
        }
        try {
            String id = Files.readString(marker).strip();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + marker, e);
        }
    }

    /**
     * Loads the demo data unless this data directory has it already, and answers the strategic account's id.
     * A failed load leaves no marker; {@code ./ledger reset} then gives a clean start.
     */
    public static String ensureLoaded(Path dataDirectory, DemoEndpoints endpoints, String bearerToken,
                                      Consumer<String> log) {
        Optional<String> loaded = strategicAccountId(dataDirectory);
        if (loaded.isPresent()) {
            log.accept("demo data already loaded (strategic account " + loaded.get() + "); skipping");
            return loaded.get();
        }
        String strategic = new DemoData(endpoints, bearerToken, Clock.systemUTC(), log).load();
        writeMarker(dataDirectory, strategic);
        return strategic;
    }

    private String load() {
        Instant begin = clock.instant();
        Map<Account, Ids> loaded = new LinkedHashMap<>();
        for (Account account : DemoStory.ACCOUNTS) {
            loaded.put(account, openWithContacts(account));
        }
        loaded.forEach(this::map);
        loaded.forEach(this::engage);
        loaded.forEach(this::churnIfItLeft);
        log.accept("demo data loaded in %d ms".formatted(Duration.between(begin, clock.instant()).toMillis()));
        return loaded.get(DemoStory.ACCOUNTS.getFirst()).account();
    }

    /** An account's id and its contacts' ids by their keys in the story. */
    private record Ids(String account, Map<String, String> contacts) {

        String of(String key) {
            String id = contacts.get(key);
            if (id == null) {
                throw new IllegalArgumentException("demo story names an unknown contact '" + key + "'");
            }
            return id;
        }

        List<String> of(List<String> keys) {
            return keys.stream().map(this::of).toList();
        }
    }

    private Ids openWithContacts(Account account) {
        URI contacts = endpoints.contacts();
        String id = api.post(contacts, "/accounts", Map.of("name", account.name(), "industry", account.industry(),
                "segment", account.segment(), "region", account.region())).get("id").asText();
        api.post(contacts, "/accounts/" + id + "/contract-value",
                Map.of("annualValue", account.annualValue(), "currency", "EUR"));
        Map<String, String> people = new HashMap<>();
        for (Person person : account.people()) {
            Map<String, Object> body = new HashMap<>();
            body.put("fullName", person.fullName());
            body.put("email", email(person.fullName(), account.emailDomain()));
            body.put("title", person.title());
            body.put("department", person.department());
            body.put("function", person.function());
            body.put("seniority", person.seniority());
            people.put(person.key(), api.post(contacts, "/accounts/" + id + "/contacts", body).get("id").asText());
        }
        log.accept("demo: %s (%s) opened with %d contacts: %s".formatted(account.name(), account.segment(),
                people.size(), id));
        return new Ids(id, people);
    }

    /** Mapping learns contacts from Kafka: the first write naming one waits (bounded) until it has. */
    private void map(Account account, Ids ids) {
        URI mapping = endpoints.mapping();
        String at = "/accounts/" + ids.account();
        int lines = 0;
        for (Person person : account.people()) {
            if (person.manager() != null) {
                api.afterLearning("PUT", mapping, at + "/reporting-lines", Map.of("contactId", ids.of(person.key()),
                        "managerId", ids.of(person.manager()), "kind", "SOLID"));
                lines++;
            }
        }
        for (DemoStory.DottedLine dotted : account.dottedLines()) {
            api.afterLearning("PUT", mapping, at + "/reporting-lines", Map.of("contactId", ids.of(dotted.contact()),
                    "managerId", ids.of(dotted.manager()), "kind", "DOTTED"));
        }
        for (DemoStory.Edge edge : account.edges()) {
            api.afterLearning("PUT", mapping, at + "/relationships", Map.of("fromContactId", ids.of(edge.from()),
                    "toContactId", ids.of(edge.to()), "type", edge.type(), "strength", edge.strength(),
                    "reason", edge.reason(), "reasonNote", edge.note()));
        }
        for (DemoStory.Role role : account.roles()) {
            api.afterLearning("PUT", mapping, at + "/roles/" + ids.of(role.contact()),
                    Map.of("role", role.role(), "stance", role.stance()));
        }
        for (DemoStory.Affinity affinity : account.affinities()) {
            api.afterLearning("PUT", mapping, at + "/affinities", Map.of("contactId", ids.of(affinity.contact()),
                    "teamMemberId", affinity.teamMember(), "score", affinity.score(), "note", affinity.note()));
        }
        for (DemoStory.Coalition coalition : account.coalitions()) {
            api.afterLearning("POST", mapping, at + "/coalitions", Map.of("name", coalition.name(),
                    "alignment", coalition.alignment(), "memberIds", ids.of(coalition.members())));
        }
        for (DemoStory.Interest interest : account.interests()) {
            api.afterLearning("POST", mapping, at + "/interests", Map.of("contactId", ids.of(interest.contact()),
                    "kind", interest.kind(), "horizon", interest.horizon(), "text", interest.text()));
        }
        log.accept("demo: %s mapped: %d solid and %d dotted lines, %d relationships, %d roles, %d affinities, "
                .formatted(account.name(), lines, account.dottedLines().size(), account.edges().size(),
                        account.roles().size(), account.affinities().size())
                + "%d coalitions".formatted(account.coalitions().size()));
    }

    /** Engagement learns accounts and contacts from Kafka too; its first write waits the same way. */
    private void engage(Account account, Ids ids) {
        URI engagement = endpoints.engagement();
        String at = "/accounts/" + ids.account();
        DemoStory.Ownership ownership = account.ownership();
        api.afterLearning("POST", engagement, at + "/owner",
                Map.of("ownerId", ownership.firstOwner(), "assignedBy", ownership.firstOwner()));
        List<Map<String, Object>> interactions = interactions(account.cadence(), ids);
        for (Map<String, Object> interaction : interactions) {
            api.afterLearning("POST", engagement, at + "/interactions", interaction);
        }
        for (DemoStory.Answer answer : account.answers()) {
            Map<String, Object> body = new HashMap<>();
            body.put("contactId", ids.of(answer.contact()));
            body.put("kind", answer.kind());
            body.put("score", answer.score());
            body.put("comment", answer.comment());
            body.put("answeredAt", daysAgo(answer.daysAgo()).toString());
            body.put("recordedBy", ownership.firstOwner());
            api.afterLearning("POST", engagement, at + "/surveys", body);
        }
        for (DemoStory.Ticket ticket : account.tickets()) {
            Map<String, Object> opening = new HashMap<>(Map.of("severity", ticket.severity(), "subject",
                    ticket.subject(), "contactId", ids.of(ticket.contact()), "openedBy", ownership.firstOwner()));
            if (ticket.openedDaysAgo() > 0) {
                opening.put("openedAt", daysAgo(ticket.openedDaysAgo()).toString());
            }
            String ticketId = api.afterLearning("POST", engagement, at + "/tickets", opening).get("ticketId")
                    .asText();
            if (ticket.resolved()) {
                api.post(engagement, "/tickets/" + ticketId + "/resolution",
                        Map.of("resolvedBy", ownership.firstOwner()));
            }
        }
        if (ownership.handedOverTo() != null) {
            api.post(engagement, at + "/handovers", Map.of("fromOwnerId", ownership.firstOwner(),
                    "toOwnerId", ownership.handedOverTo(), "note", ownership.note(),
                    "openItems", ownership.openItems()));
        }
        log.accept("demo: %s engaged: owner %s%s, %d interactions over the year, %d survey answers, %d tickets"
                .formatted(account.name(), ownership.firstOwner(),
                        ownership.handedOverTo() == null ? "" : " handed over to " + ownership.handedOverTo(),
                        interactions.size(), account.answers().size(), account.tickets().size()));
    }

    private void churnIfItLeft(Account account, Ids ids) {
        if (account.churnReason() != null) {
            api.post(endpoints.contacts(), "/accounts/" + ids.account() + "/churn",
                    Map.of("reason", account.churnReason()));
            log.accept("demo: %s churned (%s)".formatted(account.name(), account.churnReason()));
        }
    }

    private List<Map<String, Object>> interactions(Cadence cadence, Ids ids) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        int n = 0;
        for (int days = cadence.firstDaysAgo(); days >= cadence.lastDaysAgo(); days -= cadence.everyDays(), n++) {
            String teamMember = pick(cadence.teamMembers(), n);
            Map<String, Object> body = new HashMap<>();
            body.put("channel", CHANNELS[n % CHANNELS.length]);
            body.put("direction", n % 3 == 0 ? "INBOUND" : "OUTBOUND");
            body.put("occurredAt", daysAgo(days).toString());
            body.put("contactIds", List.of(ids.of(pick(cadence.contacts(), n))));
            body.put("teamMemberIds", List.of(teamMember));
            body.put("sentiment", pick(cadence.sentiments(), n));
            body.put("summary", pick(cadence.summaries(), n));
            body.put("recordedBy", teamMember);
            bodies.add(body);
        }
        return bodies;
    }

    private Instant daysAgo(int days) {
        return clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(days));
    }

    private static <T> T pick(List<T> cycle, int n) {
        return cycle.get(n % cycle.size());
    }

    /** Every demo person's full name and email: what must never appear in a log (a test greps for them). */
    public static List<String> personalData() {
        return DemoStory.ACCOUNTS.stream()
                .flatMap(account -> account.people().stream()
                        .flatMap(person -> Stream.of(person.fullName(), email(person.fullName(), account.emailDomain()))))
                .toList();
    }

    static String email(String fullName, String domain) {
        String local = fullName.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").trim().replaceAll("\\s+", ".");
        return local + "@" + domain;
    }

    private static void writeMarker(Path dataDirectory, String strategicAccountId) {
        try {
            Files.createDirectories(dataDirectory);
            Path pending = dataDirectory.resolve(MARKER + ".pending");
            Files.writeString(pending, strategicAccountId + "\n");
            Files.move(pending, dataDirectory.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the demo data as loaded in " + dataDirectory, e);
        }
    }
}

package org.relationshipledger.analytics.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.relationshipledger.contracts.AccountEvent.AccountOpened;
import org.relationshipledger.contracts.AccountEvent.Segment;
import org.relationshipledger.contracts.ContactEvent.ContactLeft;
import org.relationshipledger.contracts.EngagementEvent.AccountOwnerAssigned;
import org.relationshipledger.contracts.EngagementEvent.Channel;
import org.relationshipledger.contracts.EngagementEvent.Direction;
import org.relationshipledger.contracts.EngagementEvent.InteractionLogged;
import org.relationshipledger.contracts.EngagementEvent.InteractionRetracted;
import org.relationshipledger.contracts.EngagementEvent.Severity;
import org.relationshipledger.contracts.EngagementEvent.SurveyAnswered;
import org.relationshipledger.contracts.EngagementEvent.SurveyKind;
import org.relationshipledger.contracts.EngagementEvent.TicketOpened;
import org.relationshipledger.contracts.EngagementEvent.TicketResolved;
import org.relationshipledger.contracts.EngagementEvent.TicketSlaBreached;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.MappingEvent.AffinityRated;
import org.relationshipledger.contracts.MappingEvent.BuyingRole;
import org.relationshipledger.contracts.MappingEvent.BuyingRoleAssigned;
import org.relationshipledger.contracts.MappingEvent.RelationshipChanged;
import org.relationshipledger.contracts.MappingEvent.RelationshipReason;
import org.relationshipledger.contracts.MappingEvent.RelationshipType;
import org.relationshipledger.contracts.MappingEvent.Stance;

/**
 * Random account histories for seeded properties: up to 40 steps of twelve kinds (interactions, retractions,
 * surveys, tickets and breaches, roles, affinity, opposition, departures, owners), recorded six hours apart, and
 * an at-least-once redelivery of them. Shared by the score's properties and the live fold's.
 */
public final class GeneratedHistories {

    public static final String ACCOUNT = "acc-p";
    public static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    public static final Instant START = NOW.minus(Duration.ofDays(150));
    public static final List<String> CONTACTS = List.of("c-1", "c-2", "c-3", "c-4");

    private GeneratedHistories() {
    }

    /** An event of the account, given the instant it happened; a history is a list of these in recorded order. */
    public record Step(String label, Function<Instant, IntegrationEvent> event) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * At-least-once delivery: each topic's records arrive in order, but topics interleave arbitrarily and after a
     * crash a consumer re-reads a stretch it had already processed.
     */
    public static List<RecordedEvent> redeliver(List<RecordedEvent> recorded, Random random) {
        List<List<RecordedEvent>> topics = new ArrayList<>();
        for (String streamType : List.of("Account", "Contact", "Engagement", "Mapping")) {
            topics.add(new ArrayList<>(recorded.stream().filter(e -> e.streamType().equals(streamType)).toList()));
        }
        List<RecordedEvent> delivered = new ArrayList<>();
        int[] next = new int[topics.size()];
        while (true) {
            List<Integer> pending = new ArrayList<>();
            for (int t = 0; t < topics.size(); t++) {
                if (next[t] < topics.get(t).size()) {
                    pending.add(t);
                }
            }
            if (pending.isEmpty()) {
                return delivered;
            }
            int topic = pending.get(random.nextInt(pending.size()));
            delivered.add(topics.get(topic).get(next[topic]++));
            if (random.nextInt(8) == 0) {
                // A crash before the offset commit: the last few records of this topic come again.
                next[topic] = Math.max(0, next[topic] - 1 - random.nextInt(3));
            }
        }
    }

    public static Recorder replay(List<Step> history) {
        Recorder recorder = new Recorder(ACCOUNT);
        Instant at = START;
        for (Step step : history) {
            at = at.plus(Duration.ofHours(6));
            recorder.record(step.event().apply(at), at);
        }
        return recorder;
    }

    public static InteractionLogged interaction(String id, int sentiment, Instant occurredAt) {
        return new InteractionLogged(ACCOUNT, id, Channel.CALL, Direction.INBOUND, List.of(), List.of(), sentiment,
                null, occurredAt);
    }

    /** Up to 40 steps, each of the twelve kinds equally likely. */
    public static List<Step> history(Random random) {
        List<Step> history = new ArrayList<>();
        int size = random.nextInt(41);
        for (int i = 0; i < size; i++) {
            history.add(step(random));
        }
        return history;
    }

    private static Step step(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> new Step("opened", at -> new AccountOpened(ACCOUNT, "Acme", null, Segment.SMB, null, at));
            case 1 -> {
                String id = interactionId(random);
                int sentiment = between(random, -2, 2);
                int age = between(random, 0, 120);
                yield new Step("interaction " + id + " " + sentiment + " " + age + "d old",
                        at -> interaction(id, sentiment, at.minus(Duration.ofDays(age))));
            }
            case 2 -> {
                String id = interactionId(random);
                yield new Step("retract " + id, at -> new InteractionRetracted(ACCOUNT, id, at));
            }
            case 3 -> {
                String c = pick(random, CONTACTS);
                SurveyKind kind = pick(random, List.of(SurveyKind.values()));
                int score = between(random, 0, 10);
                int clamped = Math.max(kind.minScore(), Math.min(kind.maxScore(), score));
                yield new Step("survey " + c + " " + kind + " " + clamped,
                        at -> new SurveyAnswered(ACCOUNT, "s-" + at, c, kind, clamped, at));
            }
            case 4 -> {
                String t = ticket(random);
                yield new Step("open " + t,
                        at -> new TicketOpened(ACCOUNT, t, Severity.LOW, null, at.plusSeconds(3600), at));
            }
            case 5 -> {
                String t = ticket(random);
                yield new Step("breach " + t, at -> new TicketSlaBreached(ACCOUNT, t, at, at));
            }
            case 6 -> {
                String t = ticket(random);
                yield new Step("resolve " + t, at -> new TicketResolved(ACCOUNT, t, at));
            }
            case 7 -> {
                String c = pick(random, CONTACTS);
                BuyingRole role = pick(random, List.of(BuyingRole.values()));
                Stance stance = pick(random, List.of(Stance.values()));
                yield new Step("role " + c + " " + role + " " + stance,
                        at -> new BuyingRoleAssigned(ACCOUNT, c, role, stance, at));
            }
            case 8 -> {
                String c = pick(random, CONTACTS);
                String member = pick(random, List.of("tm-1", "tm-2"));
                int score = between(random, 0, 5);
                yield new Step("affinity " + c + " " + member + " " + score,
                        at -> new AffinityRated(ACCOUNT, c, member, score, null, at));
            }
            case 9 -> {
                String from = pick(random, CONTACTS);
                List<String> others = CONTACTS.stream().filter(c -> !c.equals(from)).toList();
                String to = pick(random, others);
                int strength = between(random, 1, 5);
                yield new Step("opposes " + from + " " + to + " " + strength,
                        at -> new RelationshipChanged(ACCOUNT, from, to, RelationshipType.OPPOSES, strength,
                                RelationshipReason.PAST_CONFLICT, null, at));
            }
            case 10 -> {
                String c = pick(random, CONTACTS);
                yield new Step("left " + c, at -> new ContactLeft(ACCOUNT, c, at));
            }
            default -> {
                String owner = pick(random, List.of("tm-1", "tm-2", "tm-3"));
                yield new Step("owner " + owner, at -> new AccountOwnerAssigned(ACCOUNT, owner, at));
            }
        };
    }

    private static String interactionId(Random random) {
        return "i-" + (1 + random.nextInt(6));
    }

    private static String ticket(Random random) {
        return pick(random, List.of("t-1", "t-2"));
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Uniform in [min, max], with each bound drawn one time in ten so the edges are always covered. */
    public static int between(Random random, int min, int max) {
        return switch (random.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + random.nextInt(max - min + 1);
        };
    }
}

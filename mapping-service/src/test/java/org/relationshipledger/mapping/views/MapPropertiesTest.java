package org.relationshipledger.mapping.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relationshipledger.mapping.accountmap.AccountMapEvent;
import org.relationshipledger.mapping.accountmap.BuyingRole;
import org.relationshipledger.mapping.accountmap.CoalitionAlignment;
import org.relationshipledger.mapping.accountmap.MapState;
import org.relationshipledger.mapping.accountmap.MapState.Relationship;
import org.relationshipledger.mapping.accountmap.RelationshipReason;
import org.relationshipledger.mapping.accountmap.RelationshipType;
import org.relationshipledger.mapping.accountmap.ReportingLineKind;
import org.relationshipledger.mapping.accountmap.Stance;

/**
 * Properties of the graph logic over generated account maps. Each case is a seed, so a failure names the
 * seed that reproduces it (ADR 0025 explains why these are seeded JUnit cases rather than jqwik properties).
 */
class MapPropertiesTest {

    static final String ACCOUNT = "acme";
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Stream<Long> seeds() {
        return IntStream.rangeClosed(1, 200).mapToObj(Long::valueOf);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyBackwardPathFollowsExistingEdgesAndEndsAtTheNearestContactOurTeamKnowsWell(long seed) {
        Random random = new Random(seed);
        List<Recorded> history = history(random, 2 + random.nextInt(14), 40);
        Picture picture = Picture.of(ACCOUNT, T0.plusSeconds(1_000_000), fold(history), cards(history));
        int threshold = 1 + random.nextInt(5);
        if (picture.contacts().isEmpty()) {
            assertThat(BackwardMapping.of(picture, null, threshold, 50).paths()).isEmpty();
            return;
        }
        String from = picture.contacts().keySet().stream().sorted().toList()
                .get(random.nextInt(picture.contacts().size()));

        BackwardMapping.View view = BackwardMapping.of(picture, from, threshold, 50);

        int nearest = Integer.MAX_VALUE;
        int previousHops = 0;
        for (BackwardMapping.Path path : view.paths()) {
            assertThat(picture.bestScore(path.targetContactId())).isGreaterThanOrEqualTo(threshold);
            assertThat(path.hops()).isEqualTo(path.steps().size()).isGreaterThanOrEqualTo(previousHops);
            previousHops = path.hops();
            String at = from;
            for (BackwardMapping.Step step : path.steps()) {
                assertThat(step.contactId()).isEqualTo(at);
                if (!at.equals(from)) {
                    assertThat(picture.bestScore(at)).as("passes a well-known contact").isLessThan(threshold);
                }
                assertThat(existing(picture, step)).as("step %s is an existing edge", step).isTrue();
                at = step.nextContactId();
            }
            assertThat(at).isEqualTo(path.targetContactId());
            nearest = Math.min(nearest, path.hops());
        }
        int expectedNearest = nearestByBreadthFirst(picture, from, threshold);
        if (picture.bestScore(from) >= threshold) {
            assertThat(view.paths()).singleElement().satisfies(p -> assertThat(p.hops()).isZero());
        } else if (expectedNearest == Integer.MAX_VALUE) {
            assertThat(view.paths()).isEmpty();
            assertThat(view.reason()).isNotBlank();
        } else {
            assertThat(nearest).isEqualTo(expectedNearest);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void asOfAnInstantEqualsTheLiveViewAsItWasThen(long seed) {
        Random random = new Random(seed);
        List<Recorded> history = history(random, 2 + random.nextInt(8), 30);
        List<ContactCard> cards = cards(history);
        MapState live = new MapState();
        List<Instant> instants = new ArrayList<>();
        List<Picture> seenLive = new ArrayList<>();
        for (Recorded recorded : history) {
            live.apply(recorded.event());
            instants.add(recorded.recordedAt());
            seenLive.add(Picture.of(ACCOUNT, recorded.recordedAt(), live, cards));
        }
        List<Replay.Recorded> stored = history.stream().map(r -> new Replay.Recorded(r.event(), r.recordedAt())).toList();

        for (int i = 0; i < instants.size(); i++) {
            Picture replayed = Picture.of(ACCOUNT, instants.get(i), Replay.upTo(stored, instants.get(i)), cards);
            assertThat(replayed).isEqualTo(seenLive.get(i));
            assertThat(OrgChart.of(replayed)).isEqualTo(OrgChart.of(seenLive.get(i)));
            assertThat(InfluenceMap.of(replayed)).isEqualTo(InfluenceMap.of(seenLive.get(i)));
        }
    }

    record Recorded(AccountMapEvent event, Instant recordedAt) {
    }

    /** A random history: relationships, re-ratings, endings, roles, affinities, coalitions; one a minute. */
    static List<Recorded> history(Random random, int contacts, int maxEvents) {
        List<Recorded> history = new ArrayList<>();
        int events = random.nextInt(maxEvents + 1);
        for (int i = 0; i < events; i++) {
            String a = "c" + random.nextInt(contacts);
            String b = "c" + random.nextInt(contacts);
            Instant at = T0.plusSeconds(60L * (i + 1));
            AccountMapEvent event = switch (random.nextInt(7)) {
                case 0, 1, 2 -> a.equals(b) ? null : new AccountMapEvent.RelationshipChanged(ACCOUNT, a, b,
                        RelationshipType.values()[random.nextInt(3)], 1 + random.nextInt(5),
                        RelationshipReason.values()[random.nextInt(6)], null, null, at);
                case 3 -> a.equals(b) ? null : new AccountMapEvent.RelationshipEnded(ACCOUNT, a, b,
                        RelationshipType.values()[random.nextInt(3)], at);
                case 4 -> new AccountMapEvent.AffinityRated(ACCOUNT, a, "t" + random.nextInt(3), random.nextInt(6),
                        null, at);
                case 5 -> new AccountMapEvent.BuyingRoleAssigned(ACCOUNT, a,
                        BuyingRole.values()[random.nextInt(BuyingRole.values().length)],
                        Stance.values()[random.nextInt(3)], at);
                default -> a.equals(b)
                        ? new AccountMapEvent.CoalitionFormed(ACCOUNT, "k" + random.nextInt(2), "group",
                                CoalitionAlignment.values()[random.nextInt(2)], List.of(a), at)
                        : new AccountMapEvent.ReportingLineSet(ACCOUNT, a, b, ReportingLineKind.DOTTED, at);
            };
            if (event != null) {
                history.add(new Recorded(event, at));
            }
        }
        return history;
    }

    /** Every contact arrives at T0; a few leave part-way, so departures fall between the sampled instants. */
    static List<ContactCard> cards(List<Recorded> history) {
        Map<String, ContactCard> cards = new HashMap<>();
        MapState all = fold(history);
        all.namedContacts().forEach(id -> {
            int number = Integer.parseInt(id.substring(1));
            Instant left = number % 5 == 4 ? T0.plusSeconds(60L * 7 * number + 30) : null;
            cards.put(id, new ContactCard(id, "Title " + id, T0, left, number % 7 == 6));
        });
        if (cards.isEmpty()) {
            cards.put("c0", new ContactCard("c0", "Title c0", T0, null, false));
        }
        return List.copyOf(cards.values());
    }

    static MapState fold(List<Recorded> history) {
        MapState state = new MapState();
        history.forEach(r -> state.apply(r.event()));
        return state;
    }

    static boolean existing(Picture picture, BackwardMapping.Step step) {
        for (Relationship r : picture.relationships()) {
            boolean defers = r.type() == RelationshipType.DEFERS_TO && r.fromContactId().equals(step.contactId())
                    && r.toContactId().equals(step.nextContactId());
            boolean influenced = r.type() == RelationshipType.INFLUENCES && r.toContactId().equals(step.contactId())
                    && r.fromContactId().equals(step.nextContactId());
            if ((defers || influenced) && r.type() == step.relationship() && r.strength() == step.strength()) {
                return true;
            }
        }
        return false;
    }

    /** An independent oracle: hop distance to the nearest well-known contact, never walking past one. */
    static int nearestByBreadthFirst(Picture picture, String from, int threshold) {
        Map<String, Integer> distance = new HashMap<>(Map.of(from, 0));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            if (!at.equals(from) && picture.bestScore(at) >= threshold) {
                return distance.get(at);
            }
            for (Relationship r : picture.relationships()) {
                String next = r.type() == RelationshipType.DEFERS_TO && r.fromContactId().equals(at) ? r.toContactId()
                        : r.type() == RelationshipType.INFLUENCES && r.toContactId().equals(at) ? r.fromContactId()
                        : null;
                if (next != null && !distance.containsKey(next)) {
                    distance.put(next, distance.get(at) + 1);
                    queue.add(next);
                }
            }
        }
        return Integer.MAX_VALUE;
    }
}

package org.relationshipledger.mapping.accountmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.relationshipledger.mapping.accountmap.ContactDirectory.ContactStanding;

/**
 * Drives the real aggregate with random reporting-line commands: whatever it accepts never contains a cycle, and
 * whatever it refuses as a cycle really would have closed one.
 */
class ReportingCyclePropertiesTest {

    static final String ACCOUNT = "acme";
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    static Stream<Long> seeds() {
        return IntStream.rangeClosed(1, 30).mapToObj(Long::valueOf);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noAcceptedSetOfReportingLinesEverContainsACycle(long seed) {
        Random random = new Random(seed);
        int contacts = 3 + random.nextInt(6);
        AggregateTestFixture<AccountMap> fixture = new AggregateTestFixture<>(AccountMap.class);
        fixture.registerInjectableResource((ContactDirectory) (account, contact) -> ContactStanding.ACTIVE);
        List<Object> accepted = new ArrayList<>();
        for (int step = 0; step < 12; step++) {
            String contact = "c" + random.nextInt(contacts);
            String manager = "c" + random.nextInt(contacts);
            if (contact.equals(manager)) {
                continue;
            }
            MapState before = fold(accepted);
            Object command = random.nextInt(5) == 0
                    ? new AccountMapCommand.RemoveReportingLine(ACCOUNT, contact, manager, T)
                    : new AccountMapCommand.SetReportingLine(ACCOUNT, contact, manager,
                            ReportingLineKind.values()[random.nextInt(2)], T);

            List<Object> after = run(fixture, accepted, command);

            assertThat(new CycleDetector<>(fold(after).hierarchy()).detectCycles()).isFalse();
            if (command instanceof AccountMapCommand.SetReportingLine && after.size() == accepted.size()
                    && before.line(contact, manager).isEmpty()) {
                Graph<String, DefaultEdge> wouldBe = before.hierarchy();
                wouldBe.addVertex(contact);
                wouldBe.addVertex(manager);
                wouldBe.addEdge(contact, manager);
                assertThat(new CycleDetector<>(wouldBe).detectCycles()).as("refused without a cycle").isTrue();
            }
            accepted = after;
        }
    }

    private static List<Object> run(AggregateTestFixture<AccountMap> fixture, List<Object> given, Object command) {
        fixture.given(given).when(command);
        List<Object> events = new ArrayList<>();
        try {
            fixture.getEventStore().readEvents(ACCOUNT).asStream().forEach(message -> events.add(message.getPayload()));
        } catch (AggregateNotFoundException nothingStoredYet) {
            // the very first command was refused: the map still has no events
        }
        return events;
    }

    private static MapState fold(List<Object> events) {
        MapState state = new MapState();
        events.forEach(event -> state.apply((AccountMapEvent) event));
        return state;
    }
}

package org.relationshipledger.engagement.ticket;

import static org.relationshipledger.engagement.InMemoryTextVault.sealed;
import static org.relationshipledger.engagement.Violations.violation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.engagement.InMemoryRoster;
import org.relationshipledger.engagement.InMemoryTextVault;
import org.relationshipledger.engagement.ticket.TicketCommand.EscalateTicket;
import org.relationshipledger.engagement.ticket.TicketCommand.OpenTicket;
import org.relationshipledger.engagement.ticket.TicketCommand.RecordSlaBreach;
import org.relationshipledger.engagement.ticket.TicketCommand.ResolveTicket;
import org.relationshipledger.engagement.ticket.TicketEvent.TicketEscalated;
import org.relationshipledger.engagement.ticket.TicketEvent.TicketOpened;
import org.relationshipledger.engagement.ticket.TicketEvent.TicketResolved;
import org.relationshipledger.engagement.ticket.TicketEvent.TicketSlaBreached;

class TicketTest {

    static final Instant OPENED = Instant.parse("2026-11-23T09:00:00Z");
    static final String ACCOUNT = "acme";
    static final String ID = "t-1";
    static final String KEY = "ticket:" + ID;
    static final SlaPolicy SLA = new SlaPolicy(Map.of(Severity.LOW, Duration.ofDays(5),
            Severity.MEDIUM, Duration.ofDays(2), Severity.HIGH, Duration.ofHours(8),
            Severity.CRITICAL, Duration.ofHours(4)));
    static final TicketOpened OPENED_MEDIUM = new TicketOpened(ID, ACCOUNT, Severity.MEDIUM,
            sealed("ticket:" + ID, "Export fails"), "c-ann", "tm-1", OPENED.plus(Duration.ofDays(2)), OPENED);

    FixtureConfiguration<Ticket> fixture;
    MutableClock clock;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(OPENED);
        fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(new InMemoryRoster().account(ACCOUNT).contact(ACCOUNT, "c-ann")
                .departed(ACCOUNT, "c-gone", OPENED.minus(Duration.ofDays(1))));
        fixture.registerInjectableResource(SLA);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new InMemoryTextVault());
    }

    @Nested
    class OpenTicketCommand {

        @Test
        void opensWithTheDeadlineItsSeverityAllows() {
            fixture.givenNoPriorActivity()
                    .when(new OpenTicket(ID, ACCOUNT, Severity.MEDIUM, " Export fails ", "c-ann", "tm-1", null))
                    .expectEvents(OPENED_MEDIUM);
        }

        @Test
        void rejectsAnUnknownContact() {
            fixture.givenNoPriorActivity()
                    .when(new OpenTicket(ID, ACCOUNT, Severity.LOW, "Export fails", "c-who", "tm-1", null))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.NOT_FOUND, "contactId"));
        }

        @Test
        void rejectsAnEmptySubject() {
            fixture.givenNoPriorActivity()
                    .when(new OpenTicket(ID, ACCOUNT, Severity.LOW, "", null, "tm-1", null))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.INVALID, "subject"));
        }

        @Test
        void countsTheDeadlineFromWhenABackDatedTicketWasRaised() {
            Instant raised = OPENED.minus(Duration.ofDays(3));
            fixture.givenNoPriorActivity()
                    .when(new OpenTicket(ID, ACCOUNT, Severity.CRITICAL, "Print export fails", "c-ann", "tm-1",
                            raised))
                    .expectEvents(new TicketOpened(ID, ACCOUNT, Severity.CRITICAL, sealed(KEY, "Print export fails"),
                            "c-ann", "tm-1", raised.plus(Duration.ofHours(4)), raised));
        }

        @Test
        void acceptsAnOpeningWithinTheClockSkewAllowance() {
            Instant ahead = OPENED.plus(Duration.ofMinutes(1));
            fixture.givenNoPriorActivity()
                    .when(new OpenTicket(ID, ACCOUNT, Severity.MEDIUM, "Export fails", null, "tm-1", ahead))
                    .expectEvents(new TicketOpened(ID, ACCOUNT, Severity.MEDIUM, sealed(KEY, "Export fails"), null,
                            "tm-1", ahead.plus(Duration.ofDays(2)), ahead));
        }

        @Test
        void rejectsAnOpeningInTheFuture() {
            fixture.givenNoPriorActivity()
                    .when(new OpenTicket(ID, ACCOUNT, Severity.MEDIUM, "Export fails", null, "tm-1",
                            OPENED.plus(Duration.ofMinutes(3))))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.INVALID, "openedAt"));
        }

        @Test
        void letsABackDatedTicketNameAContactWhoHadNotLeftYet() {
            Instant raised = OPENED.minus(Duration.ofDays(2));
            fixture.givenNoPriorActivity()
                    .when(new OpenTicket(ID, ACCOUNT, Severity.LOW, "Export fails", "c-gone", "tm-1", raised))
                    .expectEvents(new TicketOpened(ID, ACCOUNT, Severity.LOW, sealed(KEY, "Export fails"), "c-gone",
                            "tm-1", raised.plus(Duration.ofDays(5)), raised));
        }

        @Test
        void refusesAContactWhoHadLeftBeforeTheTicketWasRaised() {
            fixture.givenNoPriorActivity()
                    .when(new OpenTicket(ID, ACCOUNT, Severity.LOW, "Export fails", "c-gone", "tm-1", null))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.UNPROCESSABLE, "contactId"));
        }

        @Test
        void rejectsAnUnknownAccount() {
            fixture.givenNoPriorActivity()
                    .when(new OpenTicket(ID, "nobody", Severity.LOW, "Export fails", null, "tm-1", null))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.NOT_FOUND, "accountId"));
        }
    }

    @Nested
    class EscalateTicketCommand {

        @Test
        void movesTheDeadlineCountedFromTheOpening() {
            clock.advance(Duration.ofHours(1));
            fixture.given(OPENED_MEDIUM)
                    .when(new EscalateTicket(ID, Severity.CRITICAL, "tm-2"))
                    .expectEvents(new TicketEscalated(ID, ACCOUNT, Severity.MEDIUM, Severity.CRITICAL,
                            OPENED.plus(Duration.ofHours(4)), "tm-2", OPENED.plus(Duration.ofHours(1))));
        }

        @Test
        void refusesToLowerTheSeverity() {
            fixture.given(OPENED_MEDIUM)
                    .when(new EscalateTicket(ID, Severity.LOW, "tm-2"))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.UNPROCESSABLE, "severity"));
        }

        @Test
        void refusesToEscalateAResolvedTicket() {
            fixture.given(OPENED_MEDIUM, new TicketResolved(ID, ACCOUNT, "tm-1", OPENED))
                    .when(new EscalateTicket(ID, Severity.HIGH, "tm-2"))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.CONFLICT, "ticketId"));
        }
    }

    @Nested
    class ResolveTicketCommand {

        @Test
        void resolvesAnOpenTicket() {
            clock.advance(Duration.ofHours(3));
            fixture.given(OPENED_MEDIUM)
                    .when(new ResolveTicket(ID, "tm-1"))
                    .expectEvents(new TicketResolved(ID, ACCOUNT, "tm-1", OPENED.plus(Duration.ofHours(3))));
        }

        @Test
        void refusesToResolveAResolvedTicket() {
            fixture.given(OPENED_MEDIUM, new TicketResolved(ID, ACCOUNT, "tm-1", OPENED))
                    .when(new ResolveTicket(ID, "tm-1"))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.CONFLICT, "ticketId"));
        }
    }

    @Nested
    class RecordSlaBreachCommand {

        @Test
        void recordsTheBreachAsOfTheDeadlineOnceItPassed() {
            clock.advance(Duration.ofDays(3));
            Instant due = OPENED.plus(Duration.ofDays(2));
            fixture.given(OPENED_MEDIUM)
                    .when(new RecordSlaBreach(ID, clock.instant()))
                    .expectEvents(new TicketSlaBreached(ID, ACCOUNT, Severity.MEDIUM, due, due));
        }

        @Test
        void recordsTheBreachOfABackDatedTicketAtTheFirstLook() {
            Instant raised = OPENED.minus(Duration.ofDays(3));
            Instant due = raised.plus(Duration.ofHours(4));
            fixture.given(new TicketOpened(ID, ACCOUNT, Severity.CRITICAL, sealed(KEY, "Print export fails"), null,
                            "tm-1", due, raised))
                    .when(new RecordSlaBreach(ID, clock.instant()))
                    .expectEvents(new TicketSlaBreached(ID, ACCOUNT, Severity.CRITICAL, due, due));
        }

        @Test
        void recordsNothingBeforeTheDeadline() {
            clock.advance(Duration.ofDays(1));
            fixture.given(OPENED_MEDIUM).when(new RecordSlaBreach(ID, clock.instant())).expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsEachDeadlineOnlyOnce() {
            clock.advance(Duration.ofDays(3));
            Instant due = OPENED.plus(Duration.ofDays(2));
            fixture.given(OPENED_MEDIUM, new TicketSlaBreached(ID, ACCOUNT, Severity.MEDIUM, due, due))
                    .when(new RecordSlaBreach(ID, clock.instant())).expectNoEvents();
        }

        @Test
        void recordsNothingForAResolvedTicket() {
            clock.advance(Duration.ofDays(3));
            fixture.given(OPENED_MEDIUM, new TicketResolved(ID, ACCOUNT, "tm-1", OPENED.plus(Duration.ofDays(1))))
                    .when(new RecordSlaBreach(ID, clock.instant())).expectNoEvents();
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

package org.relationshipledger.engagement.ownership;

import static org.relationshipledger.engagement.InMemoryTextVault.sealed;
import static org.relationshipledger.engagement.Violations.violation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.engagement.InMemoryRoster;
import org.relationshipledger.engagement.InMemoryTextVault;
import org.relationshipledger.engagement.ownership.OwnershipCommand.AssignFirstOwner;
import org.relationshipledger.engagement.ownership.OwnershipCommand.HandOver;
import org.relationshipledger.engagement.ownership.OwnershipEvent.FirstOwnerAssigned;
import org.relationshipledger.engagement.ownership.OwnershipEvent.HandedOver;

class AccountOwnershipTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final String ACCOUNT = "acme";
    static final String KEY = "handover:acme@" + NOW;
    static final FirstOwnerAssigned ALICE_OWNS = new FirstOwnerAssigned(ACCOUNT, "alice", "lead", NOW);

    FixtureConfiguration<AccountOwnership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccountOwnership.class);
        fixture.registerInjectableResource(new InMemoryRoster().account(ACCOUNT));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(new InMemoryTextVault());
    }

    @Nested
    class AssignFirstOwnerCommand {

        @Test
        void assignsTheFirstOwner() {
            fixture.givenNoPriorActivity()
                    .when(new AssignFirstOwner(ACCOUNT, "alice", "lead"))
                    .expectEvents(ALICE_OWNS);
        }

        @Test
        void refusesASecondFirstOwner() {
            fixture.given(ALICE_OWNS)
                    .when(new AssignFirstOwner(ACCOUNT, "bob", "lead"))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.CONFLICT, "ownerId"));
        }

        @Test
        void refusesAnUnknownAccount() {
            fixture.givenNoPriorActivity()
                    .when(new AssignFirstOwner("nobody", "alice", "lead"))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.NOT_FOUND, "accountId"));
        }
    }

    @Nested
    class HandOverCommand {

        @Test
        void handsOverWithNoteAndOpenItems() {
            fixture.given(ALICE_OWNS)
                    .when(new HandOver(ACCOUNT, "alice", "bob", " Renewal in March ", List.of("Send pricing")))
                    .expectEvents(new HandedOver(ACCOUNT, "alice", "bob", sealed(KEY, "Renewal in March"),
                            List.of(sealed(KEY, "Send pricing")), NOW));
        }

        @Test
        void refusesAHandoverByANonOwner() {
            fixture.given(ALICE_OWNS)
                    .when(new HandOver(ACCOUNT, "mallory", "bob", "note", List.of()))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.CONFLICT, "fromOwnerId"));
        }

        @Test
        void refusesAHandoverByTheFormerOwner() {
            fixture.given(ALICE_OWNS, new HandedOver(ACCOUNT, "alice", "bob", sealed(KEY, "note"), List.of(), NOW))
                    .when(new HandOver(ACCOUNT, "alice", "carol", "note", List.of()))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.CONFLICT, "fromOwnerId"));
        }

        @Test
        void refusesAHandoverToTheCurrentOwner() {
            fixture.given(ALICE_OWNS)
                    .when(new HandOver(ACCOUNT, "alice", "alice", "note", List.of()))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.UNPROCESSABLE, "toOwnerId"));
        }

        @Test
        void refusesAHandoverOfAnUnownedAccount() {
            fixture.givenNoPriorActivity()
                    .when(new HandOver(ACCOUNT, "alice", "bob", "note", List.of()))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.CONFLICT, "fromOwnerId"));
        }

        @Test
        void refusesAHandoverWithoutANote() {
            fixture.given(ALICE_OWNS)
                    .when(new HandOver(ACCOUNT, "alice", "bob", " ", List.of()))
                    .expectNoEvents().expectException(violation(RuleViolation.Kind.INVALID, "note"));
        }
    }
}

package org.relationshipledger.engagement.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class OpenFollowUpsTest {

    static InteractionView interaction(String id, String day, List<String> contacts, String followUpOn) {
        return new InteractionView(id, "a", "CALL", "OUTBOUND", Instant.parse(day + "T10:00:00Z"), contacts,
                List.of("tm"), 0, id, followUpOn == null ? null : LocalDate.parse(followUpOn), "tm", Instant.now(), 0,
                false);
    }

    @Test
    void aPromiseStaysOpenUntilALaterInteractionReachesOneOfItsContacts() {
        List<InteractionView> newestFirst = List.of(
                interaction("later-other", "2026-10-05", List.of("bob"), null),
                interaction("promise-ann", "2026-10-01", List.of("ann", "cy"), "2026-10-10"),
                interaction("promise-bob", "2026-09-20", List.of("bob"), "2026-09-30"));

        assertThat(HandoverPackages.openFollowUps(newestFirst)).extracting(HandoverPackage.FollowUp::interactionId)
                .containsExactly("promise-ann");
    }

    @Test
    void aPromiseWithoutContactsIsKeptByAnyLaterInteraction() {
        List<InteractionView> newestFirst = List.of(
                interaction("later", "2026-10-05", List.of("bob"), null),
                interaction("promise", "2026-10-01", List.of(), "2026-10-10"));

        assertThat(HandoverPackages.openFollowUps(newestFirst)).isEmpty();
    }
}

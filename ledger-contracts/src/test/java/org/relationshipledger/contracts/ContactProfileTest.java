package org.relationshipledger.contracts;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ContactProfileTest {

    private static final String CONTACT = "7d9f2c41-5b8e-4e3a-9f60-2a1b3c4d5e6f";
    private static final String ACCOUNT = "8f14e45f-ceea-467f-a0e6-d2b0c4a1f9b3";
    private static final Instant AT = Instant.parse("2026-01-14T08:15:02Z");

    @Test
    void keepsPersonalDataOutOfItsStringForm() {
        var profile = new ContactProfile(CONTACT, ACCOUNT, "Ingrid Bergström", "ingrid.bergstrom@nordhafen.example",
                "+49 40 5550 1234", AT);

        assertThat(profile.toString())
                .contains(CONTACT, ACCOUNT)
                .doesNotContain("Ingrid", "Bergström", "nordhafen.example", "5550");
    }

    @Test
    void recordsAProfileWithoutEmailOrPhone() {
        var profile = new ContactProfile(CONTACT, ACCOUNT, "Ingrid Bergström", null, null, AT);

        assertThat(profile.email()).isNull();
        assertThat(profile.phone()).isNull();
    }

    @Test
    void rejectsAProfileWithoutName() {
        assertThatNullPointerException()
                .isThrownBy(() -> new ContactProfile(CONTACT, ACCOUNT, null, null, null, AT))
                .withMessage("fullName");
    }

    @Test
    void isNotAnIntegrationEventSoItNeverLandsOnARetainedTopic() {
        assertThat(IntegrationEvent.class.isAssignableFrom(ContactProfile.class)).isFalse();
    }
}

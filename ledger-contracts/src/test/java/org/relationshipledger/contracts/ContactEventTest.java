package org.relationshipledger.contracts;

import org.junit.jupiter.api.Test;
import org.relationshipledger.contracts.ContactEvent.ContactAdded;
import org.relationshipledger.contracts.ContactEvent.ContactsMerged;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class ContactEventTest {

    private static final String ACCOUNT = "8f14e45f-ceea-467f-a0e6-d2b0c4a1f9b3";
    private static final String CONTACT = "7d9f2c41-5b8e-4e3a-9f60-2a1b3c4d5e6f";
    private static final Instant AT = Instant.parse("2026-01-14T08:15:00Z");

    @Test
    void addsAContactWhoseSeniorityIsNotKnownYet() {
        assertThat(new ContactAdded(ACCOUNT, CONTACT, "Buyer", null, null, null, AT).seniority()).isNull();
    }

    @Test
    void rejectsAContactWithoutTitle() {
        assertThatNullPointerException()
                .isThrownBy(() -> new ContactAdded(ACCOUNT, CONTACT, null, "Finance", "Procurement",
                        ContactEvent.Seniority.DIRECTOR, AT))
                .withMessage("title");
    }

    @Test
    void rejectsMergingAContactIntoItself() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ContactsMerged(ACCOUNT, CONTACT, CONTACT, AT))
                .withMessageContaining("survivingContactId and mergedContactId must differ");
    }
}

package org.relationshipledger.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.relationshipledger.contacts.contact.DuplicateCandidates.Candidate;
import org.relationshipledger.contacts.contact.DuplicateCandidates.Reason;

class DuplicateCandidatesTest {

    private static final String ACCOUNT = "a";

    @Test
    void theSameEmailInAnotherCaseIsALikelyDuplicate() {
        assertThat(DuplicateCandidates.among(List.of(
                contact("1", "Ingrid Bergström", "Ingrid@Nordhafen.example"),
                contact("2", "I. Bergstrom", "ingrid@nordhafen.example")), ACCOUNT))
                .containsExactly(new Candidate("1", "2", Reason.SAME_EMAIL));
    }

    @Test
    void theSameNameIgnoringAccentsCaseAndSpacingIsALikelyDuplicate() {
        assertThat(DuplicateCandidates.among(List.of(
                contact("1", "Ingrid  Bergström", null),
                contact("2", "ingrid bergstrom", "other@nordhafen.example")), ACCOUNT))
                .containsExactly(new Candidate("1", "2", Reason.SAME_NAME));
    }

    @Test
    void aPairMatchingOnEmailAndNameIsReportedOnce() {
        assertThat(DuplicateCandidates.among(List.of(
                contact("1", "Piet de Wit", "piet@wit.example"),
                contact("2", "Piet de Wit", "PIET@wit.example")), ACCOUNT))
                .containsExactly(new Candidate("1", "2", Reason.SAME_EMAIL));
    }

    @Test
    void mergedErasedAndDepartedContactsAreNoCandidates() {
        ContactView merged = withStatus(contact("2", "Piet de Wit", null), ContactStatus.MERGED);
        ContactView erased = withStatus(contact("3", "Piet de Wit", null), ContactStatus.ERASED);
        ContactView left = new ContactView("4", ACCOUNT, ContactStatus.ACTIVE, "Piet de Wit", "Piet de Wit", null,
                null, Identity.normalise("Piet de Wit"), null, null,
                List.of(new ContactView.Membership(ACCOUNT, "CFO", null, null, null, false)), List.of(ACCOUNT), 1);

        assertThat(DuplicateCandidates.among(List.of(contact("1", "Piet de Wit", null), merged, erased, left),
                ACCOUNT)).isEmpty();
    }

    @Test
    void differentPeopleAreNoCandidates() {
        assertThat(DuplicateCandidates.among(List.of(contact("1", "Piet de Wit", "piet@wit.example"),
                contact("2", "Pia de Wit", "pia@wit.example")), ACCOUNT)).isEmpty();
    }

    private static ContactView contact(String id, String name, String email) {
        Identity identity = new Identity(name, email, null);
        return new ContactView(id, ACCOUNT, ContactStatus.ACTIVE, name, name, email, null, identity.normalisedName(),
                identity.normalisedEmail(), null,
                List.of(new ContactView.Membership(ACCOUNT, "Buyer", null, null, null, true)), List.of(ACCOUNT), 0);
    }

    private static ContactView withStatus(ContactView view, ContactStatus status) {
        return new ContactView(view.id(), view.homeAccountId(), status, view.displayName(), view.fullName(),
                view.email(), view.phone(), view.normalisedName(), view.normalisedEmail(), view.mergedInto(),
                view.memberships(), view.accountIds(), view.version());
    }
}

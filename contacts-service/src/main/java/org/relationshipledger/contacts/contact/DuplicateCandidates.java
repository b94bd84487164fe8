package org.relationshipledger.contacts.contact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Likely duplicates at one account: active contacts sharing a normalised email or a normalised name. */
public final class DuplicateCandidates {

    public enum Reason { SAME_EMAIL, SAME_NAME }

    public record Candidate(String contactId, String otherContactId, Reason reason) {
    }

    private DuplicateCandidates() {
    }

    public static List<Candidate> among(List<ContactView> contacts, String accountId) {
        List<ContactView> current = contacts.stream()
                .filter(c -> c.status() == ContactStatus.ACTIVE && c.isCurrentAt(accountId))
                .sorted(Comparator.comparing(ContactView::id))
                .toList();
        List<Candidate> candidates = new ArrayList<>();
        pairs(current, ContactView::normalisedEmail, Reason.SAME_EMAIL, candidates);
        pairs(current, ContactView::normalisedName, Reason.SAME_NAME, candidates);
        return candidates;
    }

    private static void pairs(List<ContactView> contacts, Function<ContactView, String> key, Reason reason,
                              List<Candidate> into) {
        Map<String, List<ContactView>> groups = new LinkedHashMap<>();
        contacts.stream().filter(c -> key.apply(c) != null && !key.apply(c).isBlank())
                .forEach(c -> groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c));
        for (List<ContactView> group : groups.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    String first = group.get(i).id();
                    String second = group.get(j).id();
                    boolean known = into.stream().anyMatch(c -> Objects.equals(c.contactId(), first)
                            && Objects.equals(c.otherContactId(), second));
                    if (!known) {
                        into.add(new Candidate(first, second, reason));
                    }
                }
            }
        }
    }
}

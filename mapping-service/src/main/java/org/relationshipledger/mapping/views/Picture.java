package org.relationshipledger.mapping.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.relationshipledger.mapping.accountmap.BuyingRole;
import org.relationshipledger.mapping.accountmap.MapState;
import org.relationshipledger.mapping.accountmap.MapState.Affinity;
import org.relationshipledger.mapping.accountmap.MapState.Coalition;
import org.relationshipledger.mapping.accountmap.MapState.Interest;
import org.relationshipledger.mapping.accountmap.MapState.Relationship;
import org.relationshipledger.mapping.accountmap.MapState.ReportingLine;
import org.relationshipledger.mapping.accountmap.MapState.RoleAssignment;

/**
 * An immutable picture of an account map at one instant, limited to the contacts at the account then: who left
 * by then is not on it (their reports keep their other managers or stand unassigned — nobody is re-parented).
 * Every view is a pure function of a picture.
 */
public record Picture(String accountId, Instant asOf, Map<String, ContactCard> contacts, List<ReportingLine> lines,
                      List<Relationship> relationships, Map<String, RoleAssignment> roles,
                      Map<String, List<Affinity>> affinities, List<Coalition> coalitions,
                      Map<String, List<Interest>> interests) {

    public Picture {
        contacts = Map.copyOf(contacts);
        lines = List.copyOf(lines);
        relationships = List.copyOf(relationships);
        roles = Map.copyOf(roles);
        affinities = Map.copyOf(affinities);
        coalitions = List.copyOf(coalitions);
        interests = Map.copyOf(interests);
    }

    /**
     * A contact the map names but contacts-service never told us about is kept (the map accepted it once), shown
     * as an unknown contact.
     */
    public static Picture of(String accountId, Instant asOf, MapState state, Collection<ContactCard> cards) {
        Set<String> named = state.namedContacts();
        Map<String, ContactCard> present = new LinkedHashMap<>();
        cards.stream().sorted(Comparator.comparing(ContactCard::contactId))
                .filter(card -> !card.leftBy(asOf) && (card.presentAt(asOf) || named.contains(card.contactId())))
                .forEach(card -> present.put(card.contactId(), card));
        Set<String> known = new HashSet<>();
        cards.forEach(card -> known.add(card.contactId()));
        named.stream().filter(id -> !known.contains(id)).sorted()
                .forEach(id -> present.put(id, new ContactCard(id, null, null, null, false)));

        Map<String, List<Affinity>> affinities = new LinkedHashMap<>();
        Map<String, List<Interest>> interests = new LinkedHashMap<>();
        present.keySet().forEach(id -> {
            List<Affinity> rated = state.affinities(id);
            if (!rated.isEmpty()) {
                affinities.put(id, rated);
            }
        });
        state.interests().stream().filter(i -> present.containsKey(i.contactId()))
                .forEach(i -> interests.computeIfAbsent(i.contactId(), c -> new ArrayList<>()).add(i));
        Map<String, RoleAssignment> roles = new LinkedHashMap<>();
        state.roles().forEach((id, role) -> {
            if (present.containsKey(id)) {
                roles.put(id, role);
            }
        });
        return new Picture(accountId, asOf, present,
                state.lines().stream()
                        .filter(l -> present.containsKey(l.contactId()) && present.containsKey(l.managerId())).toList(),
                state.relationships().stream()
                        .filter(r -> present.containsKey(r.fromContactId()) && present.containsKey(r.toContactId()))
                        .toList(),
                roles, affinities,
                state.coalitions().values().stream()
                        .map(c -> new Coalition(c.coalitionId(), c.name(), c.alignment(),
                                c.memberIds().stream().filter(present::containsKey).toList(), c.validFrom()))
                        .toList(),
                interests);
    }

    /** The same picture stamped with another instant at which it still holds. */
    public Picture at(Instant instant) {
        return new Picture(accountId, instant, contacts, lines, relationships, roles, affinities, coalitions, interests);
    }

    /** The team's strongest tie to the contact; ties go to the alphabetically first team member, for stable answers. */
    public Optional<Affinity> bestAffinity(String contactId) {
        return affinities.getOrDefault(contactId, List.of()).stream()
                .max(Comparator.comparingInt(Affinity::score)
                        .thenComparing(Affinity::teamMemberId, Comparator.reverseOrder()));
    }

    public int bestScore(String contactId) {
        return bestAffinity(contactId).map(Affinity::score).orElse(0);
    }

    public Optional<RoleAssignment> role(String contactId) {
        return Optional.ofNullable(roles.get(contactId));
    }

    public String label(String contactId) {
        ContactCard card = contacts.get(contactId);
        return card == null ? "unknown contact" : card.label();
    }

    /** Contacts holding the role, in id order. */
    public List<String> holding(BuyingRole role) {
        return roles.values().stream().filter(r -> r.role() == role).map(RoleAssignment::contactId).sorted().toList();
    }
}

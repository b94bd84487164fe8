package org.relationshipledger.engagement.history;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.relationshipledger.engagement.integration.AccountMapProjection;
import org.relationshipledger.engagement.integration.RosterProjection;
import org.relationshipledger.engagement.roster.RosterContact;
import org.springframework.stereotype.Component;

@Component
public class HandoverPackages {

    static final int INTERACTIONS_PER_CONTACT = 3;

    private final RosterProjection roster;
    private final AccountMapProjection accountMap;
    private final InteractionsProjection interactions;
    private final TicketsProjection tickets;
    private final SurveysProjection surveys;
    private final OwnershipProjection ownership;

    HandoverPackages(RosterProjection roster, AccountMapProjection accountMap, InteractionsProjection interactions,
                     TicketsProjection tickets, SurveysProjection surveys, OwnershipProjection ownership) {
        this.roster = roster;
        this.accountMap = accountMap;
        this.interactions = interactions;
        this.tickets = tickets;
        this.surveys = surveys;
        this.ownership = ownership;
    }

    public HandoverPackage assemble(String accountId) {
        Optional<OwnershipView> owners = ownership.ofAccount(accountId);
        String currentOwner = owners.map(OwnershipView::currentOwnerId).orElse(null);
        Set<String> previousOwners = Set.copyOf(owners.map(OwnershipView::previousOwnerIds).orElse(List.of()));
        List<InteractionView> standing = interactions.standingOfAccount(accountId);
        Map<String, AccountMapProjection.BuyingRole> roles = accountMap.buyingRoles(accountId).stream()
                .collect(Collectors.toMap(AccountMapProjection.BuyingRole::contactId, Function.identity()));
        Map<String, List<AccountMapProjection.Affinity>> affinities = accountMap.affinities(accountId).stream()
                .collect(Collectors.groupingBy(AccountMapProjection.Affinity::contactId));

        List<RosterContact> contacts = roster.contactsAt(accountId);
        // A merged record's history belongs to the survivor; re-pointed here at read time, nothing is rewritten.
        Map<String, Set<String>> aliases = new HashMap<>();
        contacts.stream().filter(c -> c.status() == RosterContact.Status.MERGED && c.mergedInto() != null)
                .forEach(c -> aliases.computeIfAbsent(c.mergedInto(), id -> new HashSet<>()).add(c.contactId()));

        List<HandoverPackage.KeyContact> keyContacts = contacts.stream()
                .filter(c -> c.status() == RosterContact.Status.ACTIVE || c.status() == RosterContact.Status.LEFT)
                .map(c -> {
                    Set<String> ids = new HashSet<>(aliases.getOrDefault(c.contactId(), Set.of()));
                    ids.add(c.contactId());
                    return keyContact(c, ids, roles.get(c.contactId()), ids.stream()
                            .flatMap(id -> affinities.getOrDefault(id, List.of()).stream()).toList(),
                            standing, currentOwner, previousOwners);
                })
                .filter(k -> k.buyingRole() != null || !k.affinities().isEmpty() || !k.lastInteractions().isEmpty())
                .sorted(Comparator.comparing((HandoverPackage.KeyContact k) -> k.buyingRole() == null)
                        .thenComparing(k -> -k.affinities().stream().mapToInt(HandoverPackage.Affinity::score)
                                .max().orElse(-1))
                        .thenComparing(HandoverPackage.KeyContact::contactId))
                .toList();

        List<TicketView> allTickets = tickets.ofAccount(accountId);
        List<SurveyView> answers = surveys.ofAccount(accountId);
        return new HandoverPackage(accountId, currentOwner,
                owners.map(OwnershipView::periods).orElse(List.of()), keyContacts,
                allTickets.stream().filter(TicketView::open).toList(),
                allTickets.stream().filter(t -> !t.breaches().isEmpty()).toList(),
                openFollowUps(standing),
                answers.stream().filter(s -> "NPS".equals(s.kind())).findFirst().orElse(null),
                answers.stream().filter(s -> "CSAT".equals(s.kind())).findFirst().orElse(null),
                owners.map(OwnershipView::handovers).orElse(List.of()));
    }

    private static HandoverPackage.KeyContact keyContact(RosterContact contact, Set<String> ids,
                                                         AccountMapProjection.BuyingRole role,
                                                         List<AccountMapProjection.Affinity> ratings,
                                                         List<InteractionView> standing, String currentOwner,
                                                         Set<String> previousOwners) {
        List<HandoverPackage.Affinity> affinities = ratings.stream()
                .map(a -> new HandoverPackage.Affinity(a.teamMemberId(), a.score(), a.note(), a.ratedAt(),
                        previousOwners.contains(a.teamMemberId()), a.teamMemberId().equals(currentOwner)))
                .sorted(Comparator.comparingInt(HandoverPackage.Affinity::score).reversed())
                .toList();
        List<InteractionView> last = standing.stream().filter(i -> i.contactIds().stream().anyMatch(ids::contains))
                .limit(INTERACTIONS_PER_CONTACT).toList();
        return new HandoverPackage.KeyContact(contact.contactId(), contact.title(), contact.status().name(),
                role == null ? null : role.role(), role == null ? null : role.stance(), affinities, last);
    }

    /**
     * A promised follow-up stays open until a later interaction reaches one of the same contacts (or, when it named
     * none, until any later interaction at the account).
     */
    static List<HandoverPackage.FollowUp> openFollowUps(List<InteractionView> standingNewestFirst) {
        return standingNewestFirst.stream().filter(i -> i.followUpOn() != null)
                .filter(promise -> standingNewestFirst.stream()
                        .filter(later -> later.occurredAt().isAfter(promise.occurredAt()))
                        .noneMatch(later -> promise.contactIds().isEmpty()
                                || later.contactIds().stream().anyMatch(promise.contactIds()::contains)))
                .map(i -> new HandoverPackage.FollowUp(i.interactionId(), i.followUpOn(), i.contactIds(),
                        i.summary(), i.recordedBy()))
                .toList();
    }
}

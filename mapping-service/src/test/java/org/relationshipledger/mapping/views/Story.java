package org.relationshipledger.mapping.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relationshipledger.mapping.accountmap.AccountMapEvent;
import org.relationshipledger.mapping.accountmap.BuyingRole;
import org.relationshipledger.mapping.accountmap.MapState;
import org.relationshipledger.mapping.accountmap.RelationshipReason;
import org.relationshipledger.mapping.accountmap.RelationshipType;
import org.relationshipledger.mapping.accountmap.ReportingLineKind;
import org.relationshipledger.mapping.accountmap.Stance;

/** Builds account maps for view tests in the domain's words. */
final class Story {

    static final String ACCOUNT = "acme";
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MapState state = new MapState();
    private final Map<String, ContactCard> cards = new LinkedHashMap<>();
    private final List<AccountMapEvent> events = new ArrayList<>();

    Story contacts(String... ids) {
        for (String id : ids) {
            cards.put(id, new ContactCard(id, "Title of " + id, START, null, false));
        }
        return this;
    }

    Story left(String id, Instant when) {
        ContactCard card = cards.get(id);
        cards.put(id, new ContactCard(id, card.title(), card.addedAt(), when, false));
        return this;
    }

    Story erased(String id) {
        ContactCard card = cards.get(id);
        cards.put(id, new ContactCard(id, null, card.addedAt(), card.leftAt(), true));
        return this;
    }

    Story reportsTo(String contact, String manager, ReportingLineKind kind) {
        return event(new AccountMapEvent.ReportingLineSet(ACCOUNT, contact, manager, kind, START));
    }

    Story relationship(String from, RelationshipType type, String to, int strength) {
        return event(new AccountMapEvent.RelationshipChanged(ACCOUNT, from, to, type, strength,
                RelationshipReason.AUTHORITY, null, null, START));
    }

    Story role(String contact, BuyingRole role, Stance stance) {
        return event(new AccountMapEvent.BuyingRoleAssigned(ACCOUNT, contact, role, stance, START));
    }

    Story affinity(String contact, String teamMember, int score) {
        return event(new AccountMapEvent.AffinityRated(ACCOUNT, contact, teamMember, score, null, START));
    }

    Story event(AccountMapEvent event) {
        events.add(event);
        state.apply(event);
        return this;
    }

    Picture now() {
        return at(Instant.parse("2026-12-01T00:00:00Z"));
    }

    Picture at(Instant instant) {
        return Picture.of(ACCOUNT, instant, state, cards.values());
    }
}

package org.relationshipledger.mapping.api;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.mapping.accountmap.AccountMapEvent;
import org.relationshipledger.mapping.accountmap.MapState;
import org.relationshipledger.mapping.integration.KnownContacts;
import org.relationshipledger.mapping.views.Picture;
import org.relationshipledger.mapping.views.Replay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Pictures of account maps. "As of" replays the account's stream up to the instant (what we knew then); live
 * keeps each recently read account folded in memory and catches up from the store before answering, after
 * checking with one unique-key lookup whether anything was appended (by this replica or another), so the live
 * read path never scans the event store (ADR 0024).
 */
@Component
public class AccountMaps {

    private static final class Folded {
        final MapState state = new MapState();
        long next;
    }

    private final EventStore eventStore;
    private final StoredEvents storedEvents;
    private final KnownContacts knownContacts;
    private final Clock clock;
    private final Map<String, Folded> live;

    AccountMaps(EventStore eventStore, StoredEvents storedEvents, KnownContacts knownContacts, Clock clock,
                @Value("${mapping.live-cache.accounts:1000}") int cachedAccounts) {
        this.eventStore = eventStore;
        this.storedEvents = storedEvents;
        this.knownContacts = knownContacts;
        this.clock = clock;
        this.live = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Folded> eldest) {
                return size() > cachedAccounts;
            }
        };
    }

    /** @param asOf empty for now */
    public Picture picture(String accountId, Optional<Instant> asOf) {
        return asOf.map(instant -> asOf(accountId, instant)).orElseGet(() -> now(accountId));
    }

    Picture now(String accountId) {
        Folded folded;
        synchronized (live) {
            folded = live.computeIfAbsent(accountId, id -> new Folded());
        }
        var cards = knownContacts.cards(accountId);
        synchronized (folded) {
            Instant now = clock.instant();
            if (storedEvents.find(accountId, folded.next).isPresent()) {
                eventStore.readEvents(accountId, folded.next).asStream().forEach(message -> {
                    folded.state.apply((AccountMapEvent) message.getPayload());
                    folded.next = message.getSequenceNumber() + 1;
                });
            }
            requireKnown(accountId, folded.next == 0 && cards.isEmpty());
            return Picture.of(accountId, now, folded.state, cards);
        }
    }

    Picture asOf(String accountId, Instant asOf) {
        List<Replay.Recorded> history = eventStore.readEvents(accountId).asStream()
                .map(message -> new Replay.Recorded((AccountMapEvent) message.getPayload(), message.getTimestamp()))
                .toList();
        var cards = knownContacts.cards(accountId);
        requireKnown(accountId, history.isEmpty() && cards.isEmpty());
        return Picture.of(accountId, asOf, Replay.upTo(history, asOf), cards);
    }

    private static void requireKnown(String accountId, boolean unknown) {
        if (unknown) {
            throw RuleViolation.notFound("accountId", "mapping knows no account " + accountId);
        }
    }
}

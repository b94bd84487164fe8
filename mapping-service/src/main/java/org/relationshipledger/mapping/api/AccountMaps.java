package org.relationshipledger.mapping.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.mapping.accountmap.AccountMapEvent;
import org.relationshipledger.mapping.accountmap.MapState;
import org.relationshipledger.mapping.integration.KnownContacts;
import org.relationshipledger.mapping.views.ContactCard;
import org.relationshipledger.mapping.views.Picture;
import org.relationshipledger.mapping.views.Replay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Pictures of account maps. Each recently read account is kept in memory: its stream folded, the recorded events
 * themselves (for "as of"), its contact cards and the last live picture. Before answering, one unique-key lookup
 * tells whether anything was appended to the stream (by this replica or another) and one small read whether the
 * contacts changed; only then is the new part read. So neither a live nor an as-of read scans the event store, and
 * an unchanged account is not rebuilt at all. A picture only changes at an event or at a contact's arrival or
 * departure, so as-of pictures are kept too, keyed by how many of each lie at or before the instant (ADR 0024,
 * ADR 0026).
 */
@Component
public class AccountMaps {

    /** A picture and the views computed from it, by what was asked (backward mapping varies by its parameters). */
    private record Memo(Picture picture, Map<Object, Object> views) {
        Memo(Picture picture) {
            this(picture, new ConcurrentHashMap<>());
        }
    }

    /** Which as-of picture: the events and the contact arrivals/departures recorded at or before the instant. */
    private record Position(int events, int contactChanges) {
    }

    private static final class Folded {
        final MapState state = new MapState();
        /** Every event of the stream in order with its recorded time; null once it outgrew its bound. */
        List<Replay.Recorded> history = new ArrayList<>();
        /** Whether recorded times never went back along the stream, so "recorded by t" is a prefix of it. */
        boolean ordered = true;
        long next;
        long contactsVersion = -2;
        List<ContactCard> cards = List.of();
        /** Every arrival and departure time among the cards, ascending. */
        List<Instant> contactChanges = List.of();
        Memo live;
        final Map<Position, Memo> past = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Position, Memo> eldest) {
                return size() > PAST_PICTURES_PER_ACCOUNT;
            }
        };
    }

    private static final int VIEWS_PER_PICTURE = 64;
    private static final int PAST_PICTURES_PER_ACCOUNT = 16;

    private final EventStore eventStore;
    private final StoredEvents storedEvents;
    private final KnownContacts knownContacts;
    private final Clock clock;
    private final int historyLimit;
    private final Map<String, Folded> cached;

    AccountMaps(EventStore eventStore, StoredEvents storedEvents, KnownContacts knownContacts, Clock clock,
                @Value("${mapping.live-cache.accounts:1000}") int cachedAccounts,
                @Value("${mapping.live-cache.history-events:200000}") int historyLimit) {
        this.eventStore = eventStore;
        this.storedEvents = storedEvents;
        this.knownContacts = knownContacts;
        this.clock = clock;
        this.historyLimit = historyLimit;
        this.cached = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Folded> eldest) {
                return size() > cachedAccounts;
            }
        };
    }

    /**
     * A view of the account. A view is computed once per picture and then only re-stamped with the instant asked
     * for: the live picture changes when the stream or the contacts do, a past one never (it is keyed by position).
     *
     * @param key what identifies the view among the account's live views, parameters included
     * @param at  the view re-stamped with another instant at which its picture still holds
     */
    public <V> V view(String accountId, Optional<Instant> asOf, Object key, Function<Picture, V> view,
                      BiFunction<V, Instant, V> at) {
        Folded folded = folded(accountId);
        Instant instant;
        Memo memo;
        synchronized (folded) {
            Instant now = clock.instant();
            boolean changed = catchUp(accountId, folded);
            requireKnown(accountId, folded);
            instant = asOf.orElse(now);
            if (asOf.isEmpty()) {
                if (changed || folded.live == null || !settledBy(folded.cards, folded.live.picture().asOf())) {
                    folded.live = new Memo(Picture.of(accountId, now, folded.state, folded.cards));
                }
                memo = folded.live;
            } else {
                memo = past(accountId, folded, instant);
            }
        }
        if (memo == null) {
            return view.apply(replayed(accountId, instant));
        }
        if (memo.views().size() >= VIEWS_PER_PICTURE) {
            memo.views().clear();
        }
        @SuppressWarnings("unchecked")
        V built = (V) memo.views().computeIfAbsent(key, k -> view.apply(memo.picture()));
        return at.apply(built, instant);
    }

    /**
     * The kept picture for the position of {@code asOf}, folded from memory the first time it is asked; null when
     * the history is not kept (too long, or recorded times went back, so "recorded by t" is no prefix). Caller locks.
     */
    private Memo past(String accountId, Folded folded, Instant asOf) {
        if (folded.history == null || !folded.ordered) {
            return null;
        }
        Position position = new Position(countAtOrBefore(folded.history, Replay.Recorded::recordedAt, asOf),
                countAtOrBefore(folded.contactChanges, instant -> instant, asOf));
        Memo memo = folded.past.get(position);
        if (memo == null) {
            MapState state = Replay.upTo(folded.history.subList(0, position.events()), asOf);
            memo = new Memo(Picture.of(accountId, asOf, state, folded.cards));
            folded.past.put(position, memo);
        }
        return memo;
    }

    /** The as-of picture from the store, when memory does not hold the stream. */
    private Picture replayed(String accountId, Instant asOf) {
        List<Replay.Recorded> history = eventStore.readEvents(accountId).asStream()
                .map(message -> new Replay.Recorded((AccountMapEvent) message.getPayload(), message.getTimestamp()))
                .toList();
        List<ContactCard> cards = knownContacts.cards(accountId);
        return Picture.of(accountId, asOf, Replay.upTo(history, asOf), cards);
    }

    /** How many of the ascending {@code items} fall at or before {@code instant}. */
    private static <T> int countAtOrBefore(List<T> items, Function<T, Instant> time, Instant instant) {
        int low = 0;
        int high = items.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (time.apply(items.get(middle)).isAfter(instant)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private Folded folded(String accountId) {
        synchronized (cached) {
            return cached.computeIfAbsent(accountId, id -> new Folded());
        }
    }

    /** Brings the fold, history and cards up to date; true if anything changed. Caller holds the lock. */
    private boolean catchUp(String accountId, Folded folded) {
        boolean changed = false;
        if (storedEvents.find(accountId, folded.next).isPresent()) {
            eventStore.readEvents(accountId, folded.next).asStream().forEach(message -> {
                AccountMapEvent event = (AccountMapEvent) message.getPayload();
                folded.state.apply(event);
                if (folded.history != null) {
                    if (!folded.history.isEmpty()
                            && message.getTimestamp().isBefore(folded.history.getLast().recordedAt())) {
                        folded.ordered = false;
                    }
                    folded.history.add(new Replay.Recorded(event, message.getTimestamp()));
                }
                folded.next = message.getSequenceNumber() + 1;
            });
            if (folded.history != null && folded.history.size() > historyLimit) {
                folded.history = null;
            }
            changed = true;
        }
        // The version is read before the cards: a change in between is seen again on the next read, never lost.
        long version = knownContacts.version(accountId);
        if (version != folded.contactsVersion) {
            folded.cards = List.copyOf(knownContacts.cards(accountId));
            folded.contactChanges = folded.cards.stream()
                    .flatMap(card -> Stream.of(card.addedAt(), card.leftAt())).filter(Objects::nonNull).sorted()
                    .toList();
            folded.contactsVersion = version;
            // Pictures of the past are keyed by positions among these cards; other cards make other pictures.
            folded.past.clear();
            changed = true;
        }
        return changed;
    }

    /** A picture may be reused later only if no arrival or departure it filtered on lies after it was taken. */
    private static boolean settledBy(List<ContactCard> cards, Instant taken) {
        return cards.stream().noneMatch(card -> card.addedAt() != null && card.addedAt().isAfter(taken)
                || card.leftAt() != null && card.leftAt().isAfter(taken));
    }

    private static void requireKnown(String accountId, Folded folded) {
        if (folded.next == 0 && folded.cards.isEmpty()) {
            throw RuleViolation.notFound("accountId", "mapping knows no account " + accountId);
        }
    }
}

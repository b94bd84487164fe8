package org.relationshipledger.analytics.ledger;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.conversions.Bson;
import org.relationshipledger.analytics.health.scoring.AccountState;
import org.relationshipledger.analytics.health.scoring.HealthInputs;
import org.relationshipledger.analytics.health.scoring.ScoringModel;
import org.relationshipledger.analytics.history.AccountHistory;
import org.relationshipledger.analytics.history.RecordedEvent;
import org.relationshipledger.analytics.kpi.math.AccountFacts;
import org.relationshipledger.core.consumer.ProjectionGuard;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;

/**
 * The per-account, append-only log of every envelope analytics consumed, and the account views folded from it.
 * <p>
 * Exactly-once without transactions: the log entry's {@code _id} is the event id (a redelivery is a duplicate key),
 * the per-account index only ever gains ids ({@link AccountIndex}), and the view is replaced under
 * {@link ProjectionGuard} with the log's length as the position, so a view computed from fewer events can never
 * overwrite one computed from more. Every step is idempotent on its own, so a crash between steps is repaired by the
 * redelivery that follows it.
 * <p>
 * The view is the fold of the whole log. An event that extends a fold held in {@link LiveFolds} (the index grew by
 * exactly this event, and it sorts after every event folded) is applied to that fold; anything else (a cold account,
 * an event recorded earlier than the last one folded, another writer's events) refolds the log (ADR 0061).
 * <p>
 * A replay does not take this path: it loads a fresh generation in bulk through {@link Rebuild}, which leaves the
 * same documents (ADR 0046).
 */
public final class AccountLedger {

    /** The projection's name in replay requests, and the key of its generation bookkeeping. */
    public static final String PROJECTION = "account-ledger";
    /** Which generation serves, so a restarted instance keeps serving the last one swapped in. */
    static final String GENERATIONS = "projection_generations";
    /** Position name under which views remember how many log entries they folded. */
    static final String LOG_POSITION = "log";
    /** The log entry's field that sorts it in recorded order ({@link #orderKey}). */
    private static final String ORDER_KEY = "orderKey";

    private final MongoDatabase database;
    private final ScoringModel model;
    private final ObjectMapper json;
    private final AtomicReference<Generation> active;
    private final AtomicReference<Rebuild> rebuilding = new AtomicReference<>();
    private final LiveFolds folds;

    public AccountLedger(MongoDatabase database, ScoringModel model, Generation active) {
        this(database, model, active, 10_000);
    }

    /** @param foldedAccounts how many accounts' folds to keep in memory for the live path */
    public AccountLedger(MongoDatabase database, ScoringModel model, Generation active, long foldedAccounts) {
        this.database = database;
        this.folds = new LiveFolds(foldedAccounts);
        this.model = model;
        this.json = LedgerJson.mapper();
        this.json.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        this.active = new AtomicReference<>(active);
        declareIndexes(active);
    }

    public ScoringModel model() {
        return model;
    }

    public Generation active() {
        return active.get();
    }

    /** Events the live path applied to a fold it held, since start. */
    public long foldsApplied() {
        return folds.appliedCount();
    }

    /** Whole-log refolds since start: cold accounts, out-of-order events, other writers, a replay's last step. */
    public long refolds() {
        return folds.refoldedCount();
    }

    /** Records the event in the serving generation and, while a replay runs, in the one being rebuilt. */
    public void record(ReceivedEvent received) {
        // Read the rebuilding generation first: a swap sets the new one serving before it clears "rebuilding", so
        // an event racing the swap still reaches the new generation one way or the other.
        Rebuild next = rebuilding.get();
        Generation serving = active.get();
        recordInto(serving, received);
        if (next != null && !next.generation().equals(serving)) {
            // Marked before the write, so the rebuild refolds this account after its own bulk writes.
            next.touchedLive(received.envelope().accountId());
            recordInto(next.generation(), received);
        }
    }

    void recordInto(Generation generation, ReceivedEvent received) {
        LedgerEnvelope envelope = received.envelope();
        String accountId = envelope.accountId();
        Lock lock = folds.lock(accountId);
        lock.lock();
        try {
            Document entry = logEntry(received);
            boolean redelivered = !insertOnce(database.getCollection(generation.events()), entry);
            AccountIndex.Appended appended = AccountIndex.append(database.getCollection(generation.index()),
                    accountId, envelope.eventId(), redelivered);
            LiveFolds.Folded held = folds.get(generation, accountId);
            String orderKey = entry.getString(ORDER_KEY);
            if (held != null && appended.follows(held.count()) && orderKey.compareTo(held.lastOrderKey()) > 0) {
                AccountState state = held.state().apply(forFold(received, UnaryOperator.identity()));
                writeView(generation, accountId, state, envelope.recordedAt(), held.count() + 1);
                folds.applied(generation, accountId, new LiveFolds.Folded(state, held.count() + 1, orderKey));
            } else if (held == null || !appended.alreadyIn(held.count())) {
                refold(generation, accountId, appended.size() < 0);
            }
        } catch (RuntimeException e) {
            // The held state may have been applied to already: only a refold is trusted after a failure.
            folds.forget(generation, accountId);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Folds the account's whole log, replaces its view unless a view of a longer log is there already, and holds
     * the fold for the next event.
     *
     * @param recount whether the index has lost its count and should be counted again
     */
    void refold(Generation generation, String accountId, boolean recount) {
        Lock lock = folds.lock(accountId);
        lock.lock();
        try {
            AccountHistory history = history(generation, accountId).orElseThrow();
            AccountState state = AccountState.of(history);
            int count = history.events().size();
            writeView(generation, accountId, state, history.lastRecordedAt(), count);
            if (recount) {
                AccountIndex.recount(database.getCollection(generation.index()), accountId, count);
            }
            if (count == 0) {
                folds.forget(generation, accountId);
            } else {
                folds.refolded(generation, accountId,
                        new LiveFolds.Folded(state, count, orderKey(history.events().getLast())));
            }
        } catch (RuntimeException e) {
            folds.forget(generation, accountId);
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private void writeView(Generation generation, String accountId, AccountState state, Instant lastRecordedAt,
                           int count) {
        List<Bson> updates = new ArrayList<>();
        viewFields(state, lastRecordedAt).forEach((key, value) -> updates.add(set(key, value)));
        ProjectionGuard.applyOnce(database.getCollection(generation.views()), accountId, LOG_POSITION, count,
                combine(updates));
    }

    private Document viewFields(AccountState state, Instant lastRecordedAt) {
        AccountView view = new AccountView(state.accountId(), state.name(), state.segment() == null ? null
                : state.segment().name(), state.currentOwner(), state.churned(), state.healthInputs(),
                AccountFacts.of(state), state.eventCount(), lastRecordedAt);
        return toDocument(view);
    }

    /** The whole view document {@link #refold} would leave for this history, guard position included. */
    Document viewDocument(AccountHistory history) {
        Document document = new Document("_id", history.accountId());
        document.putAll(viewFields(AccountState.of(history), history.lastRecordedAt()));
        return document.append(ProjectionGuard.APPLIED,
                new Document(LOG_POSITION, (long) history.events().size()));
    }

    void insertLog(Generation generation, List<Document> entries) {
        insertIgnoringDuplicates(database.getCollection(generation.events()), entries);
    }

    /** A view already there was written by the live listener, whose account the rebuild refolds at its end. */
    void insertViews(Generation generation, List<Document> views) {
        insertIgnoringDuplicates(database.getCollection(generation.views()), views);
    }

    void addToIndex(Generation generation, Map<String, List<String>> eventIdsByAccount) {
        AccountIndex.addAll(database.getCollection(generation.index()), eventIdsByAccount);
    }

    /** Starts a generation to rebuild into; live events are written to it too until it is swapped in or abandoned. */
    public Rebuild beginRebuild() {
        Generation next = active.get().next();
        for (String name : List.of(next.events(), next.index(), next.views())) {
            database.getCollection(name).drop();
        }
        declareIndexes(next);
        Rebuild rebuild = new Rebuild(this, next);
        rebuilding.set(rebuild);
        return rebuild;
    }

    /** Serves the rebuilt generation; the previous one stays for comparison until the next rebuild, older ones go. */
    public Generation swapIn(Rebuild rebuild) {
        Generation rebuilt = rebuild.generation();
        Generation previous = active.getAndSet(rebuilt);
        rebuilding.set(null);
        database.getCollection(GENERATIONS).replaceOne(eq("_id", PROJECTION),
                new Document("_id", PROJECTION).append("active", rebuilt.number()), new ReplaceOptions().upsert(true));
        for (int older = previous.number() - 1; older >= Math.max(1, previous.number() - 3); older--) {
            Generation stale = new Generation(older);
            for (String name : List.of(stale.events(), stale.index(), stale.views())) {
                database.getCollection(name).drop();
            }
        }
        return previous;
    }

    public void abandonRebuild() {
        rebuilding.set(null);
    }

    public static Generation activeGeneration(MongoDatabase database) {
        Document current = database.getCollection(GENERATIONS).find(eq("_id", PROJECTION)).first();
        return new Generation(current == null ? 1 : current.getInteger("active"));
    }

    public Optional<AccountHistory> history(String accountId) {
        return history(active.get(), accountId);
    }

    private Optional<AccountHistory> history(Generation generation, String accountId) {
        Document index = database.getCollection(generation.index()).find(eq("_id", accountId)).first();
        if (index == null) {
            return Optional.empty();
        }
        List<String> ids = index.getList(AccountIndex.EVENT_IDS, String.class);
        List<RecordedEvent> events = new ArrayList<>(ids.size());
        database.getCollection(generation.events()).find(in("_id", ids))
                .forEach(entry -> events.add(toRecordedEvent(entry)));
        return Optional.of(AccountHistory.of(accountId, events));
    }

    public boolean knows(String accountId) {
        return database.getCollection(active.get().index()).find(eq("_id", accountId))
                .projection(Projections.include("_id")).first() != null;
    }

    public List<String> accountIds() {
        List<String> ids = new ArrayList<>();
        database.getCollection(active.get().index()).find().projection(Projections.include("_id"))
                .forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    public Optional<AccountView> view(String accountId) {
        return Optional.ofNullable(database.getCollection(active.get().views()).find(eq("_id", accountId)).first())
                .map(this::toView);
    }

    /** Only what a score needs of the account's view: a health query reads and decodes a fraction of it. */
    public Optional<HealthInputs> healthInputs(String accountId) {
        Document document = database.getCollection(active.get().views()).find(eq("_id", accountId))
                .projection(Projections.include("health")).first();
        if (document == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(document.get("health", Document.class).toJson(), HealthInputs.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<AccountView> views() {
        List<AccountView> views = new ArrayList<>();
        database.getCollection(active.get().views()).find().forEach(document -> views.add(toView(document)));
        return views;
    }

    /**
     * Every received event of the given streams, whichever account it belongs to: a contact's stream spans every
     * account the person works with, so its chain can only be checked as a whole.
     */
    public List<RecordedEvent> streamEvents(Collection<String> streamIds) {
        List<RecordedEvent> events = new ArrayList<>();
        database.getCollection(active.get().events()).find(in("streamId", streamIds))
                .forEach(entry -> events.add(toRecordedEvent(entry)));
        return events;
    }

    /** The account's log entries in recorded order, one at a time, so an audit of a long history stays small. */
    public void streamLog(String accountId, Consumer<Document> sink) {
        database.getCollection(active.get().events()).find(eq("accountId", accountId))
                .sort(Sorts.ascending(ORDER_KEY)).batchSize(500).forEach(sink);
    }

    private void declareIndexes(Generation generation) {
        // Audit streams an account's log in recorded order; a real MongoDB serves that from this index.
        database.getCollection(generation.events()).createIndex(
                Indexes.ascending("accountId", ORDER_KEY), new IndexOptions().name("account_recorded_order"));
        // The audit verification reads whole streams, across accounts.
        database.getCollection(generation.events()).createIndex(
                Indexes.ascending("streamId", "sequence"), new IndexOptions().name("stream_order"));
    }

    private static void insertIgnoringDuplicates(MongoCollection<Document> collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            DuplicateKeys.onlyDuplicates(e);
        }
    }

    /** @return false when the entry was there already */
    private static boolean insertOnce(MongoCollection<Document> collection, Document entry) {
        try {
            collection.insertOne(entry);
            return true;
        } catch (MongoWriteException e) {
            DuplicateKeys.rethrowUnlessDuplicate(e);
            return false;
        }
    }

    static Document logEntry(ReceivedEvent received) {
        LedgerEnvelope envelope = received.envelope();
        return new Document("_id", envelope.eventId())
                .append("accountId", envelope.accountId())
                .append(ORDER_KEY, orderKey(envelope))
                .append("topic", received.topic())
                .append("partition", received.partition())
                .append("offset", received.offset())
                .append("source", envelope.source())
                .append("type", envelope.type())
                .append("revision", envelope.revision())
                .append("recordedAt", envelope.recordedAt().toString())
                .append("validFrom", received.event().validFrom().toString())
                .append("streamId", envelope.streamId())
                .append("streamType", envelope.streamType())
                .append("sequence", envelope.sequence())
                .append("tenantId", envelope.tenantId())
                .append("correlationId", envelope.correlationId())
                .append("hash", envelope.hash())
                .append("previousHash", envelope.previousHash())
                // The payload's bytes as received: binary costs neither a UTF-8 decode here nor one on the server.
                .append("payload", new Binary(envelope.data()));
    }

    /** Sorts like {@link RecordedEvent#RECORDED_ORDER} (instants after 1970), as a string a database index can hold. */
    static String orderKey(LedgerEnvelope envelope) {
        return orderKey(envelope.recordedAt(), envelope.streamId(), envelope.sequence(), envelope.eventId());
    }

    static String orderKey(RecordedEvent event) {
        return orderKey(event.recordedAt(), event.streamId(), event.sequence(), event.eventId());
    }

    private static String orderKey(Instant at, String streamId, long sequence, String eventId) {
        StringBuilder key = new StringBuilder(96);
        padded(key, at.getEpochSecond(), 12).append('.');
        padded(key, at.getNano(), 9).append('|').append(streamId).append('|');
        padded(key, sequence, 19).append('|').append(eventId);
        return key.toString();
    }

    // String.format here cost more than the rest of a replayed event's log entry.
    private static StringBuilder padded(StringBuilder key, long value, int width) {
        String digits = Long.toString(value);
        key.append("0".repeat(Math.max(0, width - digits.length())));
        return key.append(digits);
    }

    /** The JSON payload of a log entry: binary since replays were bulk-loaded (ADR 0046), text before. */
    public static byte[] payload(Document entry) {
        Object payload = entry.get("payload");
        return payload instanceof Binary binary ? binary.getData()
                : ((String) payload).getBytes(StandardCharsets.UTF_8);
    }

    public static LedgerEnvelope toEnvelope(Document entry) {
        return new LedgerEnvelope(entry.getString("_id"), entry.getString("source"), entry.getString("type"),
                entry.getInteger("revision"), Instant.parse(entry.getString("recordedAt")),
                entry.getString("accountId"), entry.getString("streamId"), entry.getString("streamType"),
                ((Number) entry.get("sequence")).longValue(), entry.getString("tenantId"),
                entry.getString("correlationId"), entry.getString("hash"), entry.getString("previousHash"),
                payload(entry));
    }

    /**
     * The event as a fold needs it, held in memory until its account is folded: repeated strings passed through
     * {@code shared}, and without the chain values, which no fold reads (the log entry keeps them).
     */
    static RecordedEvent forFold(ReceivedEvent received, UnaryOperator<String> shared) {
        LedgerEnvelope envelope = received.envelope();
        return new RecordedEvent(envelope.eventId(), shared.apply(envelope.type()), envelope.revision(),
                envelope.recordedAt(), shared.apply(envelope.streamId()), shared.apply(envelope.streamType()),
                envelope.sequence(), null, null, received.event());
    }

    private static RecordedEvent toRecordedEvent(Document entry) {
        LedgerEnvelope envelope = toEnvelope(entry);
        return new RecordedEvent(envelope.eventId(), envelope.type(), envelope.revision(), envelope.recordedAt(),
                envelope.streamId(), envelope.streamType(), envelope.sequence(), envelope.hash(),
                envelope.previousHash(), LedgerJson.read(envelope));
    }

    private Document toDocument(AccountView view) {
        try {
            return Document.parse(json.writeValueAsString(view));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AccountView toView(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        copy.remove(ProjectionGuard.APPLIED);
        try {
            return json.readValue(copy.toJson(), AccountView.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

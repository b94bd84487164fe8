package org.relationshipledger.engagement.idempotency;

import static com.mongodb.client.model.Filters.eq;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Function;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.bson.Document;
import org.relationshipledger.core.LedgerProperties;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.core.tenancy.Tenants;
import org.relationshipledger.core.web.RuleViolation;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Makes a creating POST safe to retry under an {@code Idempotency-Key} without transactions (ADR 0030). The new
 * aggregate's id is derived from the tenant and the key, so a retry after a lost answer targets the same stream: if
 * the first attempt appended, the stream's first event exists (or the append collides on sequence 0) and the retry
 * answers with the same id, writing nothing. The key record ({@code _id} = tenant + key) only adds a fast path and
 * refuses a key reused for a different request.
 */
@Component
public class IdempotentSubmissions {

    public static final String COLLECTION = "idempotency_keys";
    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY = 200;

    /** @param replayed true when an earlier request with the same key created it */
    public record Submitted(String id, boolean replayed) {
    }

    private final MongoCollection<Document> keys;
    private final CommandGateway commands;
    private final StoredEvents storedEvents;
    private final String defaultTenant;
    private final Clock clock;

    IdempotentSubmissions(MongoDatabase ledgerDatabase, CommandGateway commands, StoredEvents storedEvents,
                          LedgerProperties properties, Clock clock) {
        this.keys = ledgerDatabase.getCollection(COLLECTION);
        this.commands = commands;
        this.storedEvents = storedEvents;
        this.defaultTenant = properties.defaultTenant();
        this.clock = clock;
    }

    /**
     * @param scope   what is being created, such as {@code interaction}; a key reused across scopes is refused
     * @param request the request body, fingerprinted so a key reused for different content is refused
     * @param command builds the creating command for the given new aggregate id
     */
    public Submitted submit(String key, String scope, Object request, Function<String, Object> command) {
        if (key == null) {
            String id = UUID.randomUUID().toString();
            commands.sendAndWait(command.apply(id));
            return new Submitted(id, false);
        }
        if (key.isBlank() || key.length() > MAX_KEY) {
            throw RuleViolation.invalid(HEADER, HEADER + " must be 1 to " + MAX_KEY + " characters");
        }
        // Keys are the caller's tenant's: another tenant's identical key is a different submission (ADR 0060).
        String tenant = Tenants.current().orElse(defaultTenant);
        String recordId = tenant + ":" + key;
        String fingerprint = fingerprint(scope, request);
        Document earlier = keys.find(eq("_id", recordId)).first();
        if (earlier != null) {
            if (!scope.equals(earlier.getString("scope")) || !fingerprint.equals(earlier.getString("fingerprint"))) {
                throw RuleViolation.unprocessable(HEADER, HEADER + " was already used for a different request");
            }
            return new Submitted(earlier.getString("resourceId"), true);
        }
        String id = UUID.nameUUIDFromBytes((tenant + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
        boolean replayed = alreadyCreated(id);
        if (!replayed) {
            try {
                commands.sendAndWait(command.apply(id));
            } catch (AggregateStreamCreationException | ConcurrencyException collision) {
                // A concurrent copy of this request appended sequence 0 of the same stream first.
                if (!alreadyCreated(id)) {
                    throw collision;
                }
                replayed = true;
            }
        }
        remember(recordId, scope, fingerprint, id);
        return new Submitted(id, replayed);
    }

    private boolean alreadyCreated(String id) {
        return storedEvents.find(id, 0).isPresent();
    }

    private void remember(String recordId, String scope, String fingerprint, String id) {
        try {
            keys.insertOne(new Document("_id", recordId).append("scope", scope).append("fingerprint", fingerprint)
                    .append("resourceId", id).append("createdAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static String fingerprint(String scope, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(scope.getBytes(StandardCharsets.UTF_8));
            sha.update(LedgerJson.write(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

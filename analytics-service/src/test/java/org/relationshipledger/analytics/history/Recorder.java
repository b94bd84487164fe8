package org.relationshipledger.analytics.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.relationshipledger.contracts.AccountEvent;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.EngagementEvent;
import org.relationshipledger.contracts.EventCatalog;
import org.relationshipledger.contracts.IntegrationEvent;

/**
 * Records events of one account the way the producing services would: one stream per producing aggregate family,
 * consecutive sequence numbers and a hash chain per stream.
 */
public final class Recorder {

    public static final String GENESIS = "0".repeat(64);

    private final String accountId;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, String> lastHashes = new HashMap<>();
    private final List<RecordedEvent> recorded = new ArrayList<>();

    public Recorder(String accountId) {
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }

    public RecordedEvent record(IntegrationEvent event, Instant recordedAt) {
        String streamType = streamTypeOf(event);
        String streamId = streamType + "-" + accountId;
        long sequence = sequences.merge(streamId, 1L, Long::sum) - 1;
        String previous = lastHashes.getOrDefault(streamId, GENESIS);
        String eventId = UUID.randomUUID().toString();
        String hash = sha256(previous + eventId);
        lastHashes.put(streamId, hash);
        RecordedEvent result = new RecordedEvent(eventId, EventCatalog.wireName(event.getClass()),
                EventCatalog.revision(event.getClass()), recordedAt, streamId, streamType, sequence, hash, previous,
                event);
        recorded.add(result);
        return result;
    }

    public List<RecordedEvent> recorded() {
        return List.copyOf(recorded);
    }

    public AccountHistory history() {
        return AccountHistory.of(accountId, recorded);
    }

    static String streamTypeOf(IntegrationEvent event) {
        return switch (event) {
            case AccountEvent ignored -> "Account";
            case ContactEvent ignored -> "Contact";
            case EngagementEvent ignored -> "Engagement";
            default -> "Mapping";
        };
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

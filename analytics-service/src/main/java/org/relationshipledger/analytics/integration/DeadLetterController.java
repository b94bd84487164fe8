package org.relationshipledger.analytics.integration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bson.Document;
import org.relationshipledger.core.consumer.DeadLetters;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.core.tenancy.AccountTenancy;
import org.relationshipledger.core.tenancy.Tenants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The records analytics could not read, parked by the core's error handler with the reason, newest first. */
@RestController
class DeadLetterController {

    static final int MAX_LIMIT = 500;
    private static final int PAGE = 200;

    private final DeadLetters deadLetters;
    private final AccountTenancy tenancy;

    DeadLetterController(DeadLetters deadLetters, AccountTenancy tenancy) {
        this.deadLetters = deadLetters;
        this.tenancy = tenancy;
    }

    /** The parked record's envelope headers, without its payload: an operator needs the where and why, not the data. */
    public record ParkedRecord(String id, String group, String topic, int partition, long offset, String key,
                               Map<String, Object> headers, String reason, Instant parkedAt) {
    }

    @GetMapping("/dead-letters")
    List<ParkedRecord> list(@RequestParam(defaultValue = "50") String limit) {
        return list(count(limit));
    }

    /**
     * The newest {@code limit} records keyed by the caller's tenant's accounts (keyless ones count as the default
     * tenant's): pages through the parked records until that many are found, so another tenant's newer records do
     * not hide the caller's.
     */
    private List<ParkedRecord> list(int limit) {
        String tenant = Tenants.current().orElse(tenancy.defaultTenant());
        List<ParkedRecord> found = new ArrayList<>(limit);
        int page = Math.max(limit, PAGE);
        for (int skip = 0; found.size() < limit; skip += page) {
            List<ParkedRecord> parked = deadLetters.list(skip, page).stream().map(DeadLetterController::parked)
                    .toList();
            Set<String> visible = tenancy.visibleTo(parked.stream().map(ParkedRecord::key)
                    .filter(Objects::nonNull).toList(), tenant);
            parked.stream().filter(record -> record.key() == null
                            ? tenant.equals(tenancy.defaultTenant()) : visible.contains(record.key()))
                    .limit(limit - found.size()).forEach(found::add);
            if (parked.size() < page) {
                break;
            }
        }
        return found;
    }

    private static int count(String text) {
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw RuleViolation.invalid("limit", "must be a whole number");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RuleViolation.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static ParkedRecord parked(Document entry) {
        Date parkedAt = entry.getDate("parkedAt");
        Document headers = entry.get("headers", Document.class);
        return new ParkedRecord(entry.getString("_id"), entry.getString("group"), entry.getString("topic"),
                entry.getInteger("partition", -1), ((Number) entry.get("offset")).longValue(), entry.getString("key"),
                headers == null ? Map.of() : headers, entry.getString("reason"),
                parkedAt == null ? null : parkedAt.toInstant());
    }
}

package org.relationshipledger.analytics.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.bson.Document;
import org.relationshipledger.analytics.audit.chain.ChainCheck;
import org.relationshipledger.analytics.audit.chain.StreamVerification;
import org.relationshipledger.analytics.history.RecordedEvent;
import org.relationshipledger.analytics.ledger.AccountLedger;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.web.RuleViolation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What an auditor asks of the ledger: every event of an account with its envelope, and whether the chains hold. */
@RestController
class AuditController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final AccountLedger ledger;
    private final ObjectMapper json = LedgerJson.mapper();

    AuditController(AccountLedger ledger) {
        this.ledger = ledger;
    }

    /** One JSON object per line, written as it is read from the log, so a long history never sits in memory. */
    @GetMapping(value = "/audit/accounts/{accountId}/events")
    ResponseEntity<StreamingResponseBody> events(@PathVariable String accountId) {
        return ResponseEntity.ok().contentType(NDJSON).body(handle(new FindAuditTrail(accountId)));
    }

    StreamingResponseBody handle(FindAuditTrail query) {
        requireKnown(query.accountId());
        return out -> ledger.streamLog(query.accountId(), entry -> writeLine(out, entry));
    }

    public record Verification(String accountId, boolean intact, List<StreamVerification> streams) {
    }

    @GetMapping("/audit/accounts/{accountId}/verification")
    Verification verification(@PathVariable String accountId) {
        return handle(new VerifyChains(accountId));
    }

    Verification handle(VerifyChains query) {
        Set<String> touching = ledger.history(query.accountId()).orElseThrow(() -> unknown(query.accountId()))
                .events().stream().map(RecordedEvent::streamId).collect(Collectors.toCollection(TreeSet::new));
        List<StreamVerification> streams = ChainCheck.verify(ledger.streamEvents(touching));
        return new Verification(query.accountId(), streams.stream().allMatch(StreamVerification::intact), streams);
    }

    private void writeLine(OutputStream out, Document entry) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("eventId", entry.getString("_id"));
        line.put("type", entry.getString("type"));
        line.put("revision", entry.getInteger("revision"));
        line.put("recordedAt", entry.getString("recordedAt"));
        line.put("validFrom", entry.getString("validFrom"));
        line.put("accountId", entry.getString("accountId"));
        line.put("source", entry.getString("source"));
        line.put("streamType", entry.getString("streamType"));
        line.put("streamId", entry.getString("streamId"));
        line.put("sequence", entry.get("sequence"));
        line.put("tenantId", entry.getString("tenantId"));
        line.put("correlationId", entry.getString("correlationId"));
        line.put("hash", entry.getString("hash"));
        line.put("previousHash", entry.getString("previousHash"));
        line.put("topic", entry.getString("topic"));
        line.put("partition", entry.get("partition"));
        line.put("offset", entry.get("offset"));
        try {
            line.put("data", json.readTree(AccountLedger.payload(entry)));
            out.write(json.writeValueAsBytes(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireKnown(String accountId) {
        if (!ledger.knows(accountId)) {
            throw unknown(accountId);
        }
    }

    private static RuleViolation unknown(String accountId) {
        return RuleViolation.notFound("accountId", "no account " + accountId + " is known to analytics");
    }
}

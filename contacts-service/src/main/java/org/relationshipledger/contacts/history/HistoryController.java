package org.relationshipledger.contacts.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.relationshipledger.contacts.account.AccountProjection;
import org.relationshipledger.contacts.contact.ContactEvent;
import org.relationshipledger.contacts.contact.ContactProjection;
import org.relationshipledger.contacts.contact.ContactView;
import org.relationshipledger.contacts.contact.Identity;
import org.relationshipledger.contacts.contact.IdentityVault;
import org.relationshipledger.contacts.contact.SealedIdentity;
import org.relationshipledger.contracts.EventType;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.core.web.RuleViolation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The complete recorded history of an account and of everyone who was a contact there, straight from the event
 * store: what a new account owner reads. Personal data is opened where the contact's key still exists; an erased
 * contact's events show that they happened, not who it was.
 */
@RestController
@Tag(name = "history", description = "Every recorded event of an account and its contacts")
class HistoryController {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    record HistoryEntry(String streamId, long sequence, String type, int revision, Instant recordedAt,
                        Map<String, Object> event) {
    }

    private final StoredEvents storedEvents;
    private final AccountProjection accounts;
    private final ContactProjection contacts;
    private final IdentityVault vault;
    private final ObjectMapper json;

    HistoryController(StoredEvents storedEvents, AccountProjection accounts, ContactProjection contacts,
                      IdentityVault vault, ObjectMapper json) {
        this.storedEvents = storedEvents;
        this.accounts = accounts;
        this.contacts = contacts;
        this.vault = vault;
        this.json = json;
    }

    @GetMapping("/accounts/{accountId}/history")
    @Operation(summary = "The account's and its contacts' events in recorded order, personal data opened where a "
            + "key still exists")
    List<HistoryEntry> history(@PathVariable String accountId) {
        accounts.find(accountId).orElseThrow(() -> RuleViolation.notFound("accountId", "no account " + accountId));
        List<DomainEventMessage<?>> messages = new ArrayList<>(storedEvents.deserialize(storedEvents.stream(accountId)));
        for (ContactView contact : contacts.everAt(accountId)) {
            storedEvents.deserialize(storedEvents.stream(contact.id())).stream()
                    .filter(message -> concerns(message.getPayload(), accountId))
                    .forEach(messages::add);
        }
        messages.sort(Comparator.<DomainEventMessage<?>, Instant>comparing(DomainEventMessage::getTimestamp)
                .thenComparing(DomainEventMessage::getAggregateIdentifier)
                .thenComparingLong(DomainEventMessage::getSequenceNumber));
        return messages.stream().map(this::entry).toList();
    }

    private static boolean concerns(Object payload, String accountId) {
        return switch (payload) {
            case ContactEvent.ContactIdentityChanged changed -> true;
            case ContactEvent.ContactErased erased -> true;
            case ContactEvent event -> accountId.equals(event.accountId());
            default -> false;
        };
    }

    private HistoryEntry entry(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        Map<String, Object> event = new LinkedHashMap<>(json.convertValue(payload, MAP));
        if (event.get("identity") != null && payload instanceof ContactEvent contactEvent) {
            SealedIdentity sealed = json.convertValue(event.get("identity"), SealedIdentity.class);
            event.put("identity", vault.open(contactEvent.contactId(), sealed).map(HistoryController::clear)
                    .orElse(Map.of("erased", true)));
        }
        EventType type = payload.getClass().getAnnotation(EventType.class);
        return new HistoryEntry(message.getAggregateIdentifier(), message.getSequenceNumber(),
                type == null ? message.getPayloadType().getSimpleName() : type.name(),
                type == null ? 1 : type.revision(), message.getTimestamp(), event);
    }

    private static Map<String, Object> clear(Identity identity) {
        Map<String, Object> clear = new LinkedHashMap<>();
        clear.put("fullName", identity.fullName());
        clear.put("email", identity.email());
        clear.put("phone", identity.phone());
        return clear;
    }
}

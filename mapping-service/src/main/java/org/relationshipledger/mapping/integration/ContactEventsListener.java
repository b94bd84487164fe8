package org.relationshipledger.mapping.integration;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.core.eventstore.StoredEvents;
import org.relationshipledger.mapping.accountmap.AccountMapCommand;
import org.relationshipledger.mapping.accountmap.MergeCarryOver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link KnownContacts} from the contacts topic; account lifecycle events on the same topic are not needed.
 * A merge also asks the account map to carry the merged contact's facts over to the survivor — on every delivery,
 * since carrying over twice records nothing, so a crash between the two steps loses nothing (ADR 0027).
 */
@Component
class ContactEventsListener {

    static final String GROUP = "mapping-service.contacts";
    private static final Logger log = LoggerFactory.getLogger(ContactEventsListener.class);

    private final KnownContacts knownContacts;
    private final CommandGateway commands;
    private final StoredEvents storedEvents;

    ContactEventsListener(KnownContacts knownContacts, CommandGateway commands, StoredEvents storedEvents) {
        this.knownContacts = knownContacts;
        this.commands = commands;
        this.storedEvents = storedEvents;
    }

    @KafkaListener(topics = Topics.CONTACTS, groupId = GROUP, containerFactory = "ledgerListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        LedgerEnvelope envelope = EnvelopeCodec.fromRecord(record);
        if (envelope.isTombstone()) {
            return;
        }
        IntegrationEvent event = LedgerJson.read(envelope);
        if (event instanceof ContactEvent contactEvent) {
            Instant recordedAt = envelope.recordedAt() != null ? envelope.recordedAt()
                    : Instant.ofEpochMilli(record.timestamp());
            knownContacts.apply(envelope, contactEvent, recordedAt);
            if (contactEvent instanceof ContactEvent.ContactsMerged merged) {
                carryOver(merged);
            }
        }
    }

    private void carryOver(ContactEvent.ContactsMerged merged) {
        // An account without a map has nothing to carry over; asking would only open an empty one.
        if (storedEvents.find(merged.accountId(), 0).isEmpty()) {
            return;
        }
        MergeCarryOver outcome = commands.sendAndWait(new AccountMapCommand.CarryOverMergedContact(merged.accountId(),
                merged.survivingContactId(), merged.mergedContactId(), merged.validFrom()));
        log.info("account {}: merged contact {} into {}: carried over {}; left behind {}", merged.accountId(),
                outcome.mergedContactId(), outcome.survivingContactId(), outcome.carried(), outcome.skipped());
    }
}

package org.relationshipledger.engagement.integration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.relationshipledger.engagement.history.FreeTextErasure;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ContactsListener {

    private final RosterProjection roster;
    private final AccountMapProjection accountMap;
    private final FreeTextErasure freeText;

    ContactsListener(RosterProjection roster, AccountMapProjection accountMap, FreeTextErasure freeText) {
        this.roster = roster;
        this.accountMap = accountMap;
        this.freeText = freeText;
    }

    @KafkaListener(topics = Topics.CONTACTS, groupId = "engagement-service.contacts",
            containerFactory = "ledgerListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        LedgerEnvelope envelope = EnvelopeCodec.fromRecord(record);
        if (!envelope.isTombstone()) {
            IntegrationEvent event = LedgerJson.read(envelope);
            roster.apply(envelope, event);
            if (event instanceof ContactEvent.ContactErased erased) {
                accountMap.forget(erased.contactId());
                freeText.erase(erased.contactId());
            }
        }
    }
}

package org.relationshipledger.engagement.integration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.relationshipledger.contracts.Topics;
import org.relationshipledger.core.envelope.EnvelopeCodec;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.relationshipledger.core.envelope.LedgerJson;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class MappingListener {

    private final AccountMapProjection accountMap;

    MappingListener(AccountMapProjection accountMap) {
        this.accountMap = accountMap;
    }

    @KafkaListener(topics = Topics.MAPPING, groupId = "engagement-service.account-map",
            containerFactory = "ledgerListenerFactory")
    void on(ConsumerRecord<String, byte[]> record) {
        LedgerEnvelope envelope = EnvelopeCodec.fromRecord(record);
        if (!envelope.isTombstone()) {
            accountMap.apply(envelope, LedgerJson.read(envelope));
        }
    }
}

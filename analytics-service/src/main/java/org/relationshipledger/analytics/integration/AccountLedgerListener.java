package org.relationshipledger.analytics.integration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.relationshipledger.analytics.ledger.AccountLedger;
import org.relationshipledger.analytics.ledger.ReceivedEvent;
import org.relationshipledger.contracts.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds every account event, from all three topics, into the account ledger. A record that cannot be read throws
 * here and is parked by the core's error handler; the partition and every other account keep flowing.
 */
@Component
class AccountLedgerListener {

    static final String GROUP = "analytics-service.account-ledger";

    private final AccountLedger ledger;

    AccountLedgerListener(AccountLedger ledger) {
        this.ledger = ledger;
    }

    /** {@code analytics.ledger.consume-live=false}: an instance that serves and replays but does not follow the topics. */
    @KafkaListener(topics = {Topics.CONTACTS, Topics.MAPPING, Topics.ENGAGEMENT}, groupId = GROUP,
            containerFactory = "ledgerListenerFactory", autoStartup = "${analytics.ledger.consume-live:true}")
    void on(ConsumerRecord<String, byte[]> record) {
        ledger.record(RecordReader.read(record));
    }
}

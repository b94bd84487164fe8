package org.relationshipledger.analytics.replay;

import org.relationshipledger.analytics.ledger.ReceivedEvent;

/** Every record of the ledger topics from offset 0 up to their end when the read began. */
public interface ReplaySource {

    void readAll(Sink sink);

    interface Sink {

        /** Called once, before the first record, with the number of records that will be read. */
        void total(long records);

        void accept(ReceivedEvent event);

        /** A record that cannot be read; the live consumer has parked it already. */
        void skipped(String reason);
    }
}

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

        /**
         * Every account with an event accepted so far has had all its records read: a source that reads the
         * topics one partition group at a time says so after each group, so the sink can finish those accounts and
         * let go of them. A sink must stay correct if an account turns up again after this.
         */
        void accountsComplete();
    }
}

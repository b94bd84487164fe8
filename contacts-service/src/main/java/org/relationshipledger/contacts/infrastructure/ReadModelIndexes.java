package org.relationshipledger.contacts.infrastructure;

import org.relationshipledger.contacts.account.AccountView;
import org.relationshipledger.contacts.contact.ContactView;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The access paths a real MongoDB needs for the read models' list queries (the embedded test server ignores
 * non-unique indexes and scans, STACK-NOTES). Every view is otherwise read by {@code _id}.
 */
@Component
class ReadModelIndexes {

    private final MongoTemplate mongo;

    ReadModelIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationStartedEvent.class)
    void declare() {
        mongo.indexOps(ContactView.class).createIndex(new Index("accountIds", Sort.Direction.ASC));
        mongo.indexOps(ContactView.class).createIndex(new Index("mergedInto", Sort.Direction.ASC).sparse());
        mongo.indexOps(AccountView.class).createIndex(new Index("segment", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC));
        mongo.indexOps(AccountView.class).createIndex(new Index("status", Sort.Direction.ASC));
    }
}

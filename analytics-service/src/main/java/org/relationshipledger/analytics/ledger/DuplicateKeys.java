package org.relationshipledger.analytics.ledger;

import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;

/**
 * The ledger's writes are idempotent by key: a duplicate key means "written before", anything else is a failure.
 * One place to tell the two apart, for single and bulk writes.
 */
final class DuplicateKeys {

    private DuplicateKeys() {
    }

    /** @throws MongoWriteException the given one, unless it is a duplicate key */
    static void rethrowUnlessDuplicate(MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            throw e;
        }
    }

    /**
     * The failed writes of a bulk write, every one of them a duplicate key.
     *
     * @throws MongoBulkWriteException the given one, if any write failed for another reason
     */
    static List<BulkWriteError> onlyDuplicates(MongoBulkWriteException e) {
        for (BulkWriteError error : e.getWriteErrors()) {
            if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return e.getWriteErrors();
    }
}

package org.relationshipledger.contacts.identity;

import java.util.Optional;

import org.bson.Document;
import org.bson.types.Binary;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * Data keys in their own collection, one document per contact keyed by contact id: a key is destroyed by deleting
 * one document, which no event store rule forbids. On a real deployment, wrap the keysets with a KMS key (ADR 0010).
 */
public final class MongoDataKeys implements DataKeys {

    public static final String COLLECTION = "contact_data_keys";

    private final MongoCollection<Document> keys;

    public MongoDataKeys(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
    }

    @Override
    public Optional<byte[]> find(String contactId) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", contactId)).first())
                .map(document -> document.get("keyset", Binary.class).getData());
    }

    @Override
    public byte[] putIfAbsent(String contactId, byte[] keyset) {
        try {
            keys.insertOne(new Document("_id", contactId).append("keyset", new Binary(keyset)));
            return keyset;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return find(contactId).orElseThrow(() -> e);
        }
    }

    @Override
    public void delete(String contactId) {
        keys.deleteOne(Filters.eq("_id", contactId));
    }
}

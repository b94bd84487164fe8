package org.relationshipledger.engagement.textkeys;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.addEachToSet;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
import static com.mongodb.client.model.Updates.unset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;

/**
 * Record keys in their own collection, keyed by key id: destroying one is an update of one document outside the
 * event store, which no event store rule forbids (ADR 0034).
 */
public final class MongoTextKeys implements TextKeys {

    public static final String COLLECTION = "free_text_keys";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> keys;

    public MongoTextKeys(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
        keys.createIndex(Indexes.ascending("contactIds"));
    }

    @Override
    public Optional<StoredKey> find(String keyId) {
        return Optional.ofNullable(keys.find(eq("_id", keyId)).first()).map(MongoTextKeys::stored);
    }

    @Override
    public StoredKey putIfAbsent(String keyId, Collection<String> contactIds, byte[] keyset) {
        List<Bson> updates = new ArrayList<>(List.of(setOnInsert("keyset", new Binary(keyset))));
        if (!contactIds.isEmpty()) {
            updates.add(addEachToSet("contactIds", List.copyOf(contactIds)));
        }
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true)
                .returnDocument(ReturnDocument.AFTER);
        try {
            return stored(keys.findOneAndUpdate(eq("_id", keyId), combine(updates), upsert));
        } catch (MongoCommandException | MongoWriteException raced) {
            if (!duplicateKey(raced)) {
                throw raced;
            }
            // A concurrent first seal of the same record inserted it; now it exists, the update applies.
            return stored(keys.findOneAndUpdate(eq("_id", keyId), combine(updates), upsert));
        }
    }

    @Override
    public Set<String> destroyInvolving(String contactId, Collection<String> alsoKeyIds) {
        Set<String> keyIds = new LinkedHashSet<>();
        keys.find(eq("contactIds", contactId)).forEach(document -> keyIds.add(document.getString("_id")));
        keyIds.addAll(alsoKeyIds);
        for (String keyId : keyIds) {
            keys.updateOne(eq("_id", keyId), combine(unset("keyset"), set("destroyed", true),
                    addToSet("contactIds", contactId)), new UpdateOptions().upsert(true));
        }
        return keyIds;
    }

    private static StoredKey stored(Document document) {
        Binary keyset = document.get("keyset", Binary.class);
        return new StoredKey(keyset == null ? null : keyset.getData());
    }

    private static boolean duplicateKey(RuntimeException e) {
        return e instanceof MongoWriteException write
                ? write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                : ((MongoCommandException) e).getErrorCode() == DUPLICATE_KEY;
    }
}

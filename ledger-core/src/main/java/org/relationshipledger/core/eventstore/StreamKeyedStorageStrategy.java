package org.relationshipledger.core.eventstore;

import java.util.List;
import java.util.stream.Stream;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * Axon's document-per-event layout with one change: the document {@code _id} is derived from the stream and
 * sequence ({@link StoredEvents#id}). Every MongoDB-wire server indexes {@code _id}, so reading "event n of stream
 * s" — the predecessor's hash on every append, the relay's next events — costs the same at ten thousand and ten
 * million stored events, and a second writer of the same position is refused by the {@code _id} index as well as
 * by Axon's (aggregate, sequence) index (ADR 0003).
 */
public final class StreamKeyedStorageStrategy extends DocumentPerEventStorageStrategy {

    @Override
    protected Stream<Document> createEventDocuments(List<? extends EventMessage<?>> events, Serializer serializer) {
        return super.createEventDocuments(events, serializer)
                .map(document -> document.append("_id",
                        StoredEvents.id(StoredEvents.streamId(document), StoredEvents.sequence(document))));
    }
}

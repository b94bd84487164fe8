package org.relationshipledger.core.envelope;

/** A record whose wire name or revision this consumer does not know: park it, never guess. */
public final class UnknownEventTypeException extends RuntimeException {

    public UnknownEventTypeException(String type, int revision) {
        super("unknown event type " + type + " revision " + revision);
    }
}

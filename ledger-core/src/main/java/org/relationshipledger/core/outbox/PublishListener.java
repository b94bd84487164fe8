package org.relationshipledger.core.outbox;

/**
 * Called after the broker acknowledged a stream's events up to {@code sequence} and before the relay records
 * that. A crash in between is the case the design must survive (events re-sent, consumers dedupe); tests use
 * this point to cause exactly that crash.
 */
@FunctionalInterface
public interface PublishListener {

    PublishListener NONE = (streamId, sequence) -> { };

    void acknowledged(String streamId, long sequence);
}

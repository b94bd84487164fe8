package org.relationshipledger.core.eventstore;

import java.util.Map;

/**
 * Told about every append before and after it happens. The outbox relay records the "before" durably,
 * so every event that commits is covered by a mark written ahead of it — no dual write, no time window.
 */
public interface AppendIntents {

    /** Called before the events are written; must be durable when it returns, or throw. */
    void claim(Map<String, Long> highestSequenceByStream);

    /** Called after the events were written. */
    void appended();
}

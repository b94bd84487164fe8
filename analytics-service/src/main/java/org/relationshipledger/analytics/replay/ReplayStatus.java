package org.relationshipledger.analytics.replay;

import java.time.Instant;

/**
 * Where a replay stands. {@code progress} is the share of the records it will read that it has read, 0–1.
 *
 * @param fromGeneration the generation serving when the replay began
 * @param toGeneration   the generation it builds and swaps in
 */
public record ReplayStatus(String id, String projection, State state, long recordsTotal, long recordsRead,
                           long recordsSkipped, double progress, double recordsPerSecond, Instant startedAt,
                           Instant finishedAt, int fromGeneration, int toGeneration, String failure) {

    public enum State { RUNNING, COMPLETED, FAILED }
}

package org.relationshipledger.core.eventstore;

import java.util.Map;
import java.util.Set;

/** Metadata keys under which each stored event keeps its chain values. */
public final class ChainValues {

    public static final String HASH = "ledgerHash";
    public static final String PREVIOUS_HASH = "ledgerPrevHash";
    private static final Set<String> KEYS = Set.of(HASH, PREVIOUS_HASH);

    private ChainValues() {
    }

    /** The metadata the chain value covers: everything except the chain values themselves. */
    public static Map<String, Object> coveredMetaData(Map<String, ?> metaData) {
        Map<String, Object> covered = new java.util.HashMap<>(metaData);
        covered.keySet().removeAll(KEYS);
        return covered;
    }
}

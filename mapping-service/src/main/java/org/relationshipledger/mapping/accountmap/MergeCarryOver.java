package org.relationshipledger.mapping.accountmap;

import java.util.List;

/**
 * What carrying a merged contact's facts over to the surviving contact did: each fact carried (now recorded as a new
 * event about the survivor, with metadata {@code mergedFrom}) and each fact left behind with the reason.
 */
public record MergeCarryOver(String survivingContactId, String mergedContactId, List<String> carried,
                             List<String> skipped) {

    public MergeCarryOver {
        carried = List.copyOf(carried);
        skipped = List.copyOf(skipped);
    }
}

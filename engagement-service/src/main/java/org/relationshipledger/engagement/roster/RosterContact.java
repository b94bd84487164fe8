package org.relationshipledger.engagement.roster;

import java.time.Instant;

/**
 * @param leftAt set when {@code status} is {@code LEFT}: the day they left, in the client's world
 * @param mergedInto set when {@code status} is {@code MERGED}
 */
public record RosterContact(String contactId, String accountId, String title, Status status, Instant leftAt,
                            String mergedInto) {

    public enum Status { ACTIVE, LEFT, ERASED, MERGED }
}

package org.relationshipledger.contacts.contact;

/**
 * Where a contact sits at one account.
 *
 * @param department optional
 * @param function optional
 * @param seniority optional when not known yet
 */
public record Position(String title, String department, String function, Seniority seniority) {

    /** This position with every non-null argument replacing the current value. */
    public Position with(String newTitle, String newDepartment, String newFunction, Seniority newSeniority) {
        return new Position(newTitle != null ? newTitle : title, newDepartment != null ? newDepartment : department,
                newFunction != null ? newFunction : function, newSeniority != null ? newSeniority : seniority);
    }
}

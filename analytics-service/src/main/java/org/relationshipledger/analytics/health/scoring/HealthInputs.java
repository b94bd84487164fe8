package org.relationshipledger.analytics.health.scoring;

import java.util.List;

import org.relationshipledger.analytics.health.scoring.AccountState.Interaction;
import org.relationshipledger.analytics.health.scoring.AccountState.OwnerChange;
import org.relationshipledger.analytics.health.scoring.AccountState.Survey;
import org.relationshipledger.analytics.health.scoring.AccountState.Ticket;
import org.relationshipledger.contracts.MappingEvent.BuyingRole;
import org.relationshipledger.contracts.MappingEvent.Stance;

/**
 * Everything the health formula reads of a folded account, and nothing it does not. Kept in the account's view,
 * so the score at any later reference time ("now" included) is {@link HealthScoring#score(HealthInputs,
 * java.time.Instant, ScoringModel)} of one stored document, with no fold: the inputs are a function of the
 * events alone, the reference time is the query's.
 *
 * @param eventCount how many events were folded into these inputs
 * @param contacts   every contact still known, active or not
 */
public record HealthInputs(String accountId, int eventCount, List<Interaction> interactions, List<Ticket> tickets,
                           List<Survey> surveys, List<Standing> contacts, List<OwnerChange> owners) {

    /**
     * Where one contact stands for the score.
     *
     * @param bestAffinity the highest affinity any of our team members rated, 0 when none did
     * @param opposition   the strongest opposition the contact shows towards anyone, 0 when none
     */
    public record Standing(String contactId, boolean active, BuyingRole role, Stance stance, int bestAffinity,
                           int opposition) {
    }

    public HealthInputs {
        interactions = List.copyOf(interactions);
        tickets = List.copyOf(tickets);
        surveys = List.copyOf(surveys);
        contacts = List.copyOf(contacts);
        owners = List.copyOf(owners);
    }
}

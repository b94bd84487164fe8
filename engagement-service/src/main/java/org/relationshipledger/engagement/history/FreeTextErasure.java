package org.relationshipledger.engagement.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.relationshipledger.engagement.freetext.TextRecord;
import org.relationshipledger.engagement.freetext.TextVault;
import org.springframework.stereotype.Component;

/**
 * Invariant 8 for free text (ADR 0034): when a contact is erased, every interaction, ticket and survey that involves
 * them loses its key, so its summary, subject, reasons or comment never open again, and the views show
 * {@link TextVault#ERASED} instead, exactly what a rebuild from the store would now show. The stored events stay
 * byte for byte, so the hash chain still verifies. Repeating it (a redelivered erasure) changes nothing.
 */
@Component
public class FreeTextErasure {

    private final TextVault vault;
    private final InteractionsProjection interactions;
    private final TicketsProjection tickets;
    private final SurveysProjection surveys;
    private final TimelineProjection timeline;

    FreeTextErasure(TextVault vault, InteractionsProjection interactions, TicketsProjection tickets,
                    SurveysProjection surveys, TimelineProjection timeline) {
        this.vault = vault;
        this.interactions = interactions;
        this.tickets = tickets;
        this.surveys = surveys;
        this.timeline = timeline;
    }

    /** @return how many records' text was erased */
    public int erase(String contactId) {
        // The views also name records whose text was stored before it was sealed, which have no key yet.
        Set<String> involved = new LinkedHashSet<>();
        interactions.idsInvolving(contactId).forEach(id -> involved.add(TextRecord.INTERACTION.keyId(id)));
        tickets.idsInvolving(contactId).forEach(id -> involved.add(TextRecord.TICKET.keyId(id)));
        surveys.idsInvolving(contactId).forEach(id -> involved.add(TextRecord.SURVEY.keyId(id)));
        Set<String> destroyed = vault.destroyKeysInvolving(contactId, involved);

        List<String> interactionIds = recordIds(TextRecord.INTERACTION, destroyed);
        List<String> ticketIds = recordIds(TextRecord.TICKET, destroyed);
        List<String> surveyIds = recordIds(TextRecord.SURVEY, destroyed);
        interactions.scrub(interactionIds);
        tickets.scrub(ticketIds);
        surveys.scrub(surveyIds);
        List<String> all = new ArrayList<>(interactionIds);
        all.addAll(ticketIds);
        all.addAll(surveyIds);
        timeline.scrub(all);
        return destroyed.size();
    }

    private static List<String> recordIds(TextRecord kind, Collection<String> keyIds) {
        return keyIds.stream().flatMap(keyId -> kind.recordId(keyId).stream()).toList();
    }
}

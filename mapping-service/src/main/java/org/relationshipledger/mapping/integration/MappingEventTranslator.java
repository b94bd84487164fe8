package org.relationshipledger.mapping.integration;

import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.relationshipledger.contracts.MappingEvent;
import org.relationshipledger.core.outbox.IntegrationEventTranslator;
import org.relationshipledger.core.outbox.Outbound;
import org.relationshipledger.mapping.accountmap.AccountMapEvent;
import org.springframework.stereotype.Component;

/**
 * Publishes the account map's facts in the published language, one record for every stored event so each stream's
 * sequence and hash chain stay unbroken on the topic. Evidence notes and interest texts stay inside mapping: they are
 * free text that no other context needs and that could carry what must not be retained on a topic.
 */
@Component
public class MappingEventTranslator implements IntegrationEventTranslator {

    @Override
    public List<Outbound> translate(DomainEventMessage<?> message) {
        if (!(message.getPayload() instanceof AccountMapEvent event)) {
            return List.of();
        }
        MappingEvent published = switch (event) {
            case AccountMapEvent.ReportingLineSet e -> new MappingEvent.ReportingLineSet(e.accountId(), e.contactId(),
                    e.managerId(), MappingEvent.ReportingLineKind.valueOf(e.kind().name()), e.validFrom());
            case AccountMapEvent.ReportingLineRemoved e -> new MappingEvent.ReportingLineRemoved(e.accountId(),
                    e.contactId(), e.managerId(), e.validFrom());
            case AccountMapEvent.RelationshipChanged e -> new MappingEvent.RelationshipChanged(e.accountId(),
                    e.fromContactId(), e.toContactId(), MappingEvent.RelationshipType.valueOf(e.type().name()),
                    e.strength(), MappingEvent.RelationshipReason.valueOf(e.reason().name()), e.reasonNote(),
                    e.validFrom());
            case AccountMapEvent.RelationshipEnded e -> new MappingEvent.RelationshipEnded(e.accountId(),
                    e.fromContactId(), e.toContactId(), MappingEvent.RelationshipType.valueOf(e.type().name()),
                    e.validFrom());
            case AccountMapEvent.BuyingRoleAssigned e -> new MappingEvent.BuyingRoleAssigned(e.accountId(),
                    e.contactId(), MappingEvent.BuyingRole.valueOf(e.role().name()),
                    MappingEvent.Stance.valueOf(e.stance().name()), e.validFrom());
            case AccountMapEvent.CoalitionFormed e -> new MappingEvent.CoalitionFormed(e.accountId(), e.coalitionId(),
                    e.name(), MappingEvent.CoalitionAlignment.valueOf(e.alignment().name()), e.memberIds(),
                    e.validFrom());
            case AccountMapEvent.CoalitionChanged e -> new MappingEvent.CoalitionChanged(e.accountId(),
                    e.coalitionId(), e.name(), MappingEvent.CoalitionAlignment.valueOf(e.alignment().name()),
                    e.memberIds(), e.validFrom());
            case AccountMapEvent.AffinityRated e -> new MappingEvent.AffinityRated(e.accountId(), e.contactId(),
                    e.teamMemberId(), e.score(), e.note(), e.validFrom());
            case AccountMapEvent.InterestRecorded e -> new MappingEvent.InterestRecorded(e.accountId(),
                    e.interestId(), e.contactId(), MappingEvent.InterestKind.valueOf(e.kind().name()),
                    MappingEvent.InterestHorizon.valueOf(e.horizon().name()), e.validFrom());
        };
        return List.of(Outbound.of(published));
    }
}

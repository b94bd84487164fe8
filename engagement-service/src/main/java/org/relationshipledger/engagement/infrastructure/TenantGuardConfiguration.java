package org.relationshipledger.engagement.infrastructure;

import org.relationshipledger.core.tenancy.ResourceOwner;
import org.relationshipledger.engagement.history.InteractionView;
import org.relationshipledger.engagement.history.InteractionsProjection;
import org.relationshipledger.engagement.history.TicketView;
import org.relationshipledger.engagement.history.TicketsProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Interactions and tickets are addressed by their own ids: the tenant guard finds their account here (ADR 0060). */
@Configuration(proxyBeanMethods = false)
class TenantGuardConfiguration {

    @Bean
    ResourceOwner interactionsAccount(InteractionsProjection interactions) {
        return new ResourceOwner("interactionId", "interaction",
                id -> interactions.byId(id).map(InteractionView::accountId));
    }

    @Bean
    ResourceOwner ticketsAccount(TicketsProjection tickets) {
        return new ResourceOwner("ticketId", "ticket", id -> tickets.byId(id).map(TicketView::accountId));
    }
}

package org.relationshipledger.core.outbox;

import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Each service's {@code integration} package implements this: it maps a stored domain event to the records of
 * the published language. Every stored event passes through it; an empty list means "nothing to publish".
 */
@FunctionalInterface
public interface IntegrationEventTranslator {

    List<Outbound> translate(DomainEventMessage<?> event);
}

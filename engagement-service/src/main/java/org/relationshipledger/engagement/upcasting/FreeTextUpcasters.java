package org.relationshipledger.engagement.upcasting;

import java.time.Instant;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.relationshipledger.engagement.freetext.TextRecord;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Revision 1 of the events that carry free text stored it in clear; revision 2 seals it (ADR 0034). These upcasters
 * read the old form as it is: each text becomes {@code {"keyId": <its record's key id>, "clear": <text>}}, so the
 * stored bytes (and the hash chain over them) never change, and an erasure can still mark the record by its key id.
 */
public final class FreeTextUpcasters {

    private FreeTextUpcasters() {
    }

    @Component
    public static final class InteractionLogged1To2Upcaster extends ClearTextUpcaster {

        public InteractionLogged1To2Upcaster() {
            super("engagement.Interaction.InteractionLogged");
        }

        @Override
        void rewrite(ObjectNode payload) {
            String keyId = TextRecord.INTERACTION.keyId(payload.path("interactionId").asText());
            wrap(payload, "summary", keyId);
        }
    }

    @Component
    public static final class InteractionCorrected1To2Upcaster extends ClearTextUpcaster {

        public InteractionCorrected1To2Upcaster() {
            super("engagement.Interaction.InteractionCorrected");
        }

        @Override
        void rewrite(ObjectNode payload) {
            String keyId = TextRecord.INTERACTION.keyId(payload.path("interactionId").asText());
            wrap(payload, "summary", keyId);
            wrap(payload, "reason", keyId);
        }
    }

    @Component
    public static final class InteractionRetracted1To2Upcaster extends ClearTextUpcaster {

        public InteractionRetracted1To2Upcaster() {
            super("engagement.Interaction.InteractionRetracted");
        }

        @Override
        void rewrite(ObjectNode payload) {
            wrap(payload, "reason", TextRecord.INTERACTION.keyId(payload.path("interactionId").asText()));
        }
    }

    @Component
    public static final class TicketOpened1To2Upcaster extends ClearTextUpcaster {

        public TicketOpened1To2Upcaster() {
            super("engagement.Ticket.TicketOpened");
        }

        @Override
        void rewrite(ObjectNode payload) {
            wrap(payload, "subject", TextRecord.TICKET.keyId(payload.path("ticketId").asText()));
        }
    }

    @Component
    public static final class SurveyAnswered1To2Upcaster extends ClearTextUpcaster {

        public SurveyAnswered1To2Upcaster() {
            super("engagement.Survey.SurveyAnswered");
        }

        @Override
        void rewrite(ObjectNode payload) {
            wrap(payload, "comment", TextRecord.SURVEY.keyId(payload.path("surveyId").asText()));
        }
    }

    @Component
    public static final class HandedOver1To2Upcaster extends ClearTextUpcaster {

        public HandedOver1To2Upcaster() {
            super("engagement.AccountOwnership.HandedOver");
        }

        @Override
        void rewrite(ObjectNode payload) {
            String keyId = TextRecord.handoverKeyId(payload.path("accountId").asText(),
                    Instant.parse(payload.path("validFrom").asText()));
            wrap(payload, "note", keyId);
            if (payload.get("openItems") instanceof ArrayNode items) {
                ArrayNode wrapped = JsonNodeFactory.instance.arrayNode();
                items.forEach(item -> wrapped.add(item.isTextual() ? legacy(keyId, item.asText()) : item));
                payload.set("openItems", wrapped);
            }
        }
    }

    /** Revision 1 to 2 of one event type, rewriting its payload as a JSON tree. */
    abstract static class ClearTextUpcaster extends SingleEventUpcaster {

        private final SimpleSerializedType from;
        private final SimpleSerializedType to;

        ClearTextUpcaster(String wireName) {
            this.from = new SimpleSerializedType(wireName, "1");
            this.to = new SimpleSerializedType(wireName, "2");
        }

        abstract void rewrite(ObjectNode payload);

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return from.equals(representation.getType());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(to, JsonNode.class, payload -> {
                ObjectNode copy = ((ObjectNode) payload).deepCopy();
                rewrite(copy);
                return copy;
            });
        }

        static void wrap(ObjectNode payload, String field, String keyId) {
            JsonNode text = payload.get(field);
            if (text != null && text.isTextual()) {
                payload.set(field, legacy(keyId, text.asText()));
            }
        }

        static ObjectNode legacy(String keyId, String clear) {
            return JsonNodeFactory.instance.objectNode().put("keyId", keyId).put("clear", clear);
        }
    }
}

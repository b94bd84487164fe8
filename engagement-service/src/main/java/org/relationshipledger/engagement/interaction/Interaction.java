package org.relationshipledger.engagement.interaction;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.engagement.freetext.SealedText;
import org.relationshipledger.engagement.freetext.TextRecord;
import org.relationshipledger.engagement.freetext.TextVault;
import org.relationshipledger.engagement.interaction.InteractionCommand.CorrectInteraction;
import org.relationshipledger.engagement.interaction.InteractionCommand.LogInteraction;
import org.relationshipledger.engagement.interaction.InteractionCommand.RetractInteraction;
import org.relationshipledger.engagement.interaction.InteractionCommand.Touchpoint;
import org.relationshipledger.engagement.interaction.InteractionEvent.InteractionCorrected;
import org.relationshipledger.engagement.interaction.InteractionEvent.InteractionLogged;
import org.relationshipledger.engagement.interaction.InteractionEvent.InteractionRetracted;
import org.relationshipledger.engagement.roster.AccountRoster;

/** One logged touchpoint. It is never edited: corrections and retractions are further events on its stream. */
@Aggregate
public class Interaction {

    public static final int MAX_SUMMARY = 4000;
    public static final int MAX_PARTICIPANTS = 100;
    /**
     * Client clocks drift; a touchpoint (or a back-dated ticket) "in the future" by less than this is accepted as
     * it is.
     */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    @AggregateIdentifier
    private String interactionId;
    private String accountId;
    private Instant occurredAt;
    private boolean retracted;

    protected Interaction() {
    }

    @CommandHandler
    public Interaction(LogInteraction command, AccountRoster roster, Clock clock, TextVault vault) {
        require(command.recordedBy(), "recordedBy");
        roster.requireAccount(command.accountId());
        Touchpoint touchpoint = command.touchpoint();
        check(touchpoint, roster, command.accountId(), clock);
        apply(new InteractionLogged(command.interactionId(), command.accountId(), touchpoint.channel(),
                touchpoint.direction(), touchpoint.contactIds(), touchpoint.teamMemberIds(), touchpoint.sentiment(),
                seal(vault, command.interactionId(), touchpoint.contactIds(), touchpoint.summary().strip()),
                touchpoint.followUpOn(), command.recordedBy(), touchpoint.occurredAt()));
    }

    @CommandHandler
    public void handle(CorrectInteraction command, AccountRoster roster, Clock clock, TextVault vault) {
        require(command.correctedBy(), "correctedBy");
        refuseIfRetracted();
        Touchpoint touchpoint = command.touchpoint();
        check(touchpoint, roster, accountId, clock);
        apply(new InteractionCorrected(interactionId, accountId, touchpoint.channel(), touchpoint.direction(),
                touchpoint.contactIds(), touchpoint.teamMemberIds(), touchpoint.sentiment(),
                seal(vault, interactionId, touchpoint.contactIds(), touchpoint.summary().strip()),
                touchpoint.followUpOn(), command.correctedBy(),
                seal(vault, interactionId, touchpoint.contactIds(), command.reason()), touchpoint.occurredAt()));
    }

    @CommandHandler
    public void handle(RetractInteraction command, TextVault vault) {
        require(command.retractedBy(), "retractedBy");
        refuseIfRetracted();
        apply(new InteractionRetracted(interactionId, accountId, command.retractedBy(),
                seal(vault, interactionId, List.of(), command.reason()), occurredAt));
    }

    @EventSourcingHandler
    void on(InteractionLogged logged) {
        interactionId = logged.interactionId();
        accountId = logged.accountId();
        occurredAt = logged.validFrom();
    }

    @EventSourcingHandler
    void on(InteractionCorrected corrected) {
        occurredAt = corrected.validFrom();
    }

    @EventSourcingHandler
    void on(InteractionRetracted retracted) {
        this.retracted = true;
    }

    private void refuseIfRetracted() {
        if (retracted) {
            throw RuleViolation.conflict("interactionId", "Interaction " + interactionId + " was retracted.");
        }
    }

    /**
     * Free text is sealed under the interaction's own key (ADR 0034). Once an erasure destroyed that key, the record
     * takes no new text: it could not be shown anyway.
     */
    private static SealedText seal(TextVault vault, String interactionId, List<String> contactIds, String text) {
        if (text == null) {
            return null;
        }
        return vault.seal(TextRecord.INTERACTION.keyId(interactionId), contactIds, text)
                .orElseThrow(() -> RuleViolation.conflict("interactionId", "Interaction " + interactionId
                        + " involved a contact who was erased; its text is gone and it takes no new text."));
    }

    private static void check(Touchpoint touchpoint, AccountRoster roster, String accountId, Clock clock) {
        if (touchpoint.channel() == null) {
            throw RuleViolation.invalid("channel", "channel is required");
        }
        if (touchpoint.direction() == null) {
            throw RuleViolation.invalid("direction", "direction is required");
        }
        if (touchpoint.occurredAt() == null) {
            throw RuleViolation.invalid("occurredAt", "occurredAt is required");
        }
        if (touchpoint.occurredAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw RuleViolation.invalid("occurredAt", "occurredAt lies in the future; log what has happened");
        }
        if (touchpoint.sentiment() < -2 || touchpoint.sentiment() > 2) {
            throw RuleViolation.invalid("sentiment", "sentiment must be between -2 and +2");
        }
        if (touchpoint.summary() == null || touchpoint.summary().isBlank()) {
            throw RuleViolation.invalid("summary", "summary must not be empty");
        }
        if (touchpoint.summary().length() > MAX_SUMMARY) {
            throw RuleViolation.invalid("summary", "summary is longer than " + MAX_SUMMARY + " characters");
        }
        if (touchpoint.contactIds().size() + touchpoint.teamMemberIds().size() > MAX_PARTICIPANTS) {
            throw RuleViolation.invalid("contactIds", "more than " + MAX_PARTICIPANTS + " participants");
        }
        if (touchpoint.teamMemberIds().stream().anyMatch(id -> id == null || id.isBlank())) {
            throw RuleViolation.invalid("teamMemberIds", "team member ids must not be empty");
        }
        if (touchpoint.contactIds().stream().anyMatch(id -> id == null || id.isBlank())) {
            throw RuleViolation.invalid("contactIds", "contact ids must not be empty");
        }
        roster.requireParticipants(accountId, touchpoint.contactIds(), touchpoint.occurredAt(), "contactIds");
    }

    static void require(String teamMemberId, String field) {
        if (teamMemberId == null || teamMemberId.isBlank()) {
            throw RuleViolation.invalid(field, field + " is required: the team member who records this");
        }
    }
}

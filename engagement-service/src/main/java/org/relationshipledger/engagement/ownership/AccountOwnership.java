package org.relationshipledger.engagement.ownership;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.engagement.freetext.SealedText;
import org.relationshipledger.engagement.freetext.TextRecord;
import org.relationshipledger.engagement.freetext.TextVault;
import org.relationshipledger.engagement.ownership.OwnershipCommand.AssignFirstOwner;
import org.relationshipledger.engagement.ownership.OwnershipCommand.HandOver;
import org.relationshipledger.engagement.ownership.OwnershipEvent.FirstOwnerAssigned;
import org.relationshipledger.engagement.ownership.OwnershipEvent.HandedOver;
import org.relationshipledger.engagement.roster.AccountRoster;

/**
 * Who owns an account, one stream per account. A handover adds to the stream and never rewrites it, so every
 * earlier owner, note and open item stays readable for whoever comes next.
 */
@Aggregate
public class AccountOwnership {

    public static final int MAX_NOTE = 4000;
    public static final int MAX_OPEN_ITEMS = 50;
    public static final int MAX_OPEN_ITEM = 500;

    @AggregateIdentifier
    private String accountId;
    private String currentOwnerId;

    protected AccountOwnership() {
    }

    /** Creates the stream if missing, so "already has an owner" is a rule answer rather than a storage clash. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AssignFirstOwner command, AccountRoster roster, Clock clock) {
        requireId(command.ownerId(), "ownerId");
        requireId(command.assignedBy(), "assignedBy");
        roster.requireAccount(command.accountId());
        if (currentOwnerId != null) {
            throw RuleViolation.conflict("ownerId", "Account " + command.accountId() + " already has an owner ("
                    + currentOwnerId + "); hand it over instead.");
        }
        apply(new FirstOwnerAssigned(command.accountId(), command.ownerId(), command.assignedBy(), clock.instant()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(HandOver command, AccountRoster roster, Clock clock, TextVault vault) {
        requireId(command.fromOwnerId(), "fromOwnerId");
        requireId(command.toOwnerId(), "toOwnerId");
        roster.requireAccount(command.accountId());
        if (currentOwnerId == null) {
            throw RuleViolation.conflict("fromOwnerId", "Account " + command.accountId()
                    + " has no owner yet; assign the first owner instead.");
        }
        if (!currentOwnerId.equals(command.fromOwnerId())) {
            throw RuleViolation.conflict("fromOwnerId", "Only the current owner can hand the account over.");
        }
        if (currentOwnerId.equals(command.toOwnerId())) {
            throw RuleViolation.unprocessable("toOwnerId", "The account already belongs to " + currentOwnerId + ".");
        }
        if (command.note() == null || command.note().isBlank()) {
            throw RuleViolation.invalid("note", "a handover needs a note for the new owner");
        }
        if (command.note().length() > MAX_NOTE) {
            throw RuleViolation.invalid("note", "note is longer than " + MAX_NOTE + " characters");
        }
        if (command.openItems().size() > MAX_OPEN_ITEMS) {
            throw RuleViolation.invalid("openItems", "more than " + MAX_OPEN_ITEMS + " open items");
        }
        for (String item : command.openItems()) {
            if (item == null || item.isBlank() || item.length() > MAX_OPEN_ITEM) {
                throw RuleViolation.invalid("openItems",
                        "each open item must be between 1 and " + MAX_OPEN_ITEM + " characters");
            }
        }
        Instant at = clock.instant();
        String keyId = TextRecord.handoverKeyId(command.accountId(), at);
        // No contact is named, so no erasure reaches this key; it keeps the text out of the store in clear.
        SealedText note = seal(vault, keyId, command.note().strip());
        List<SealedText> openItems = command.openItems().stream().map(item -> seal(vault, keyId, item.strip()))
                .toList();
        apply(new HandedOver(command.accountId(), command.fromOwnerId(), command.toOwnerId(), note, openItems, at));
    }

    @EventSourcingHandler
    void on(FirstOwnerAssigned assigned) {
        accountId = assigned.accountId();
        currentOwnerId = assigned.ownerId();
    }

    @EventSourcingHandler
    void on(HandedOver handover) {
        currentOwnerId = handover.toOwnerId();
    }

    private static SealedText seal(TextVault vault, String keyId, String text) {
        return vault.seal(keyId, List.of(), text)
                .orElseThrow(() -> RuleViolation.conflict("note", "The handover's key " + keyId + " was destroyed."));
    }

    private static void requireId(String teamMemberId, String field) {
        if (teamMemberId == null || teamMemberId.isBlank()) {
            throw RuleViolation.invalid(field, field + " is required");
        }
    }
}

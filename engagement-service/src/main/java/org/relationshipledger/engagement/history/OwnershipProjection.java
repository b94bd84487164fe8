package org.relationshipledger.engagement.history;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.bson.Document;
import org.relationshipledger.core.consumer.ProjectionGuard;
import org.relationshipledger.engagement.freetext.TextVault;
import org.relationshipledger.engagement.ownership.OwnershipEvent.FirstOwnerAssigned;
import org.relationshipledger.engagement.ownership.OwnershipEvent.HandedOver;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;

/** One document per account: the first owner and every handover, appended, never replaced. */
@Component
@ProcessingGroup("ownership")
public class OwnershipProjection {

    public static final String COLLECTION = "ownership";

    private final MongoCollection<Document> ownership;
    private final TextVault vault;

    public OwnershipProjection(MongoDatabase ledgerDatabase, TextVault vault) {
        this.ownership = ledgerDatabase.getCollection(COLLECTION);
        this.vault = vault;
        ownership.createIndex(Indexes.ascending("ownerIds"));
    }

    @EventHandler
    void on(FirstOwnerAssigned e, @SourceId String stream, @SequenceNumber long sequence) {
        ProjectionGuard.applyOnce(ownership, e.accountId(), stream, sequence, combine(
                set("firstOwnerId", e.ownerId()), set("firstAssignedAt", Date.from(e.validFrom())),
                set("firstAssignedBy", e.assignedBy()), set("currentOwnerId", e.ownerId()),
                addToSet("ownerIds", e.ownerId()), set("handovers", List.of())));
    }

    @EventHandler
    void on(HandedOver e, @SourceId String stream, @SequenceNumber long sequence) {
        ProjectionGuard.applyOnce(ownership, e.accountId(), stream, sequence, combine(
                set("currentOwnerId", e.toOwnerId()), addToSet("ownerIds", e.toOwnerId()),
                push("handovers", new Document("fromOwnerId", e.fromOwnerId()).append("toOwnerId", e.toOwnerId())
                        .append("note", vault.show(e.note()))
                        .append("openItems", e.openItems().stream().map(vault::show).toList())
                        .append("at", Date.from(e.validFrom())))));
    }

    public Optional<OwnershipView> ofAccount(String accountId) {
        return Optional.ofNullable(ownership.find(eq("_id", accountId)).first()).map(OwnershipView::of);
    }

    /** Every account the team member owns or has owned. */
    public List<OwnershipView> ofTeamMember(String teamMemberId) {
        return ownership.find(eq("ownerIds", teamMemberId)).map(OwnershipView::of).into(new ArrayList<>());
    }
}

package org.relationshipledger.engagement.integration;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.relationshipledger.contracts.AccountEvent;
import org.relationshipledger.contracts.ContactEvent;
import org.relationshipledger.contracts.EngagementEvent;
import org.relationshipledger.contracts.IntegrationEvent;
import org.relationshipledger.contracts.MappingEvent;
import org.relationshipledger.core.consumer.ProjectionGuard;
import org.relationshipledger.core.envelope.LedgerEnvelope;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;

/**
 * The part of mapping-service's picture a new owner needs on day one: buying roles (who the key contacts are) and
 * every team member's affinity to each contact. Affinities are kept per team member, so earlier owners' ratings
 * survive a handover.
 */
@Component
public class AccountMapProjection {

    public static final String AFFINITIES = "account_map_affinities";
    public static final String BUYING_ROLES = "account_map_buying_roles";

    public record Affinity(String contactId, String teamMemberId, int score, String note, Instant ratedAt) {
    }

    public record BuyingRole(String contactId, String role, String stance) {
    }

    private final MongoCollection<Document> affinities;
    private final MongoCollection<Document> buyingRoles;

    public AccountMapProjection(MongoDatabase ledgerDatabase) {
        this.affinities = ledgerDatabase.getCollection(AFFINITIES);
        this.buyingRoles = ledgerDatabase.getCollection(BUYING_ROLES);
        affinities.createIndex(Indexes.ascending("accountId"));
        buyingRoles.createIndex(Indexes.ascending("accountId"));
    }

    void apply(LedgerEnvelope envelope, IntegrationEvent event) {
        switch (event) {
            case MappingEvent.AffinityRated e -> ProjectionGuard.applyOnce(affinities,
                    e.accountId() + "/" + e.contactId() + "/" + e.teamMemberId(), envelope,
                    combine(set("accountId", e.accountId()), set("contactId", e.contactId()),
                            set("teamMemberId", e.teamMemberId()), set("score", e.score()), set("note", e.note()),
                            set("ratedAt", Date.from(e.validFrom()))));
            case MappingEvent.BuyingRoleAssigned e -> ProjectionGuard.applyOnce(buyingRoles,
                    e.accountId() + "/" + e.contactId(), envelope,
                    combine(set("accountId", e.accountId()), set("contactId", e.contactId()),
                            set("role", e.role().name()), set("stance", e.stance().name())));
            case MappingEvent.ReportingLineSet ignored -> {
                // Reporting lines, relationships, interests and coalitions are mapping-service's to show.
            }
            case MappingEvent.ReportingLineRemoved ignored -> {
            }
            case MappingEvent.RelationshipChanged ignored -> {
            }
            case MappingEvent.RelationshipEnded ignored -> {
            }
            case MappingEvent.InterestRecorded ignored -> {
            }
            case MappingEvent.CoalitionFormed ignored -> {
            }
            case MappingEvent.CoalitionChanged ignored -> {
            }
            case AccountEvent ignored -> {
                // Not on the mapping topic.
            }
            case ContactEvent ignored -> {
            }
            case EngagementEvent ignored -> {
            }
        }
    }

    /** An erased contact leaves no trace here; the ratings' notes may describe them. */
    void forget(String contactId) {
        affinities.deleteMany(eq("contactId", contactId));
        buyingRoles.deleteMany(eq("contactId", contactId));
    }

    public List<Affinity> affinities(String accountId) {
        return affinities.find(eq("accountId", accountId)).map(d -> new Affinity(d.getString("contactId"),
                d.getString("teamMemberId"), d.getInteger("score"), d.getString("note"),
                d.getDate("ratedAt").toInstant())).into(new ArrayList<>());
    }

    public List<BuyingRole> buyingRoles(String accountId) {
        return buyingRoles.find(eq("accountId", accountId)).map(d -> new BuyingRole(d.getString("contactId"),
                d.getString("role"), d.getString("stance"))).into(new ArrayList<>());
    }
}

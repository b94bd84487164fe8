package org.relationshipledger.engagement.history;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.bson.Document;
import org.relationshipledger.core.consumer.ProjectionGuard;
import org.relationshipledger.engagement.freetext.TextVault;
import org.relationshipledger.engagement.survey.SurveyEvent.SurveyAnswered;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

@Component
@ProcessingGroup("surveys")
public class SurveysProjection {

    public static final String COLLECTION = "surveys";

    private final MongoCollection<Document> surveys;
    private final TextVault vault;

    public SurveysProjection(MongoDatabase ledgerDatabase, TextVault vault) {
        this.surveys = ledgerDatabase.getCollection(COLLECTION);
        this.vault = vault;
        surveys.createIndex(Indexes.ascending("contactId"));
        surveys.createIndex(Indexes.ascending("accountId", "answeredAt"));
    }

    @EventHandler
    void on(SurveyAnswered e, @SourceId String stream, @SequenceNumber long sequence) {
        ProjectionGuard.applyOnce(surveys, e.surveyId(), stream, sequence, combine(set("accountId", e.accountId()),
                set("contactId", e.contactId()), set("kind", e.kind().name()), set("score", e.score()),
                set("comment", vault.show(e.comment())), set("recordedBy", e.recordedBy()),
                set("answeredAt", Date.from(e.validFrom()))));
    }

    List<String> idsInvolving(String contactId) {
        return surveys.find(eq("contactId", contactId)).map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /** After an erasure destroyed their keys: what a rebuild would now show (an answer without comment keeps none). */
    void scrub(Collection<String> surveyIds) {
        if (!surveyIds.isEmpty()) {
            surveys.updateMany(and(in("_id", surveyIds), ne("comment", null)), set("comment", TextVault.ERASED));
        }
    }

    /** Newest answer first. */
    public List<SurveyView> ofAccount(String accountId) {
        return surveys.find(eq("accountId", accountId)).sort(Sorts.descending("answeredAt"))
                .map(d -> new SurveyView(d.getString("_id"), d.getString("accountId"), d.getString("contactId"),
                        d.getString("kind"), d.getInteger("score"), d.getString("comment"),
                        d.getString("recordedBy"), InteractionView.instant(d, "answeredAt")))
                .into(new ArrayList<>());
    }
}

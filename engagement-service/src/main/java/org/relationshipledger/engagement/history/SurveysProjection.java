package org.relationshipledger.engagement.history;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.bson.Document;
import org.relationshipledger.core.consumer.ProjectionGuard;
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

    public SurveysProjection(MongoDatabase ledgerDatabase) {
        this.surveys = ledgerDatabase.getCollection(COLLECTION);
        surveys.createIndex(Indexes.ascending("accountId", "answeredAt"));
    }

    @EventHandler
    void on(SurveyAnswered e, @SourceId String stream, @SequenceNumber long sequence) {
        ProjectionGuard.applyOnce(surveys, e.surveyId(), stream, sequence, combine(set("accountId", e.accountId()),
                set("contactId", e.contactId()), set("kind", e.kind().name()), set("score", e.score()),
                set("comment", e.comment()), set("recordedBy", e.recordedBy()),
                set("answeredAt", Date.from(e.validFrom()))));
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

package org.relationshipledger.contacts.account;

import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.relationshipledger.contacts.account.AccountEvent.AccountChurned;
import org.relationshipledger.contacts.account.AccountEvent.AccountOpened;
import org.relationshipledger.contacts.account.AccountEvent.AccountRenewed;
import org.relationshipledger.contacts.account.AccountEvent.AccountReopened;
import org.relationshipledger.contacts.account.AccountEvent.ContractValueChanged;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link AccountView}s. Every update is conditional on the view being older than the event, so a redelivered
 * event changes nothing.
 */
@Component
@ProcessingGroup("accounts")
public class AccountProjection {

    private final MongoTemplate mongo;

    AccountProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccountOpened opened, @SequenceNumber long sequence) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(opened.accountId())), AccountView.class)) {
            return;
        }
        mongo.insert(new AccountView(opened.accountId(), opened.name(), opened.industry(), opened.segment(),
                opened.region(), AccountStatus.OPEN, null, null, null, null, opened.validFrom(), sequence));
    }

    @EventHandler
    void on(ContractValueChanged changed, @SequenceNumber long sequence) {
        update(changed.accountId(), sequence, new Update()
                .set("annualValue", changed.annualValue()).set("currency", changed.currency()));
    }

    @EventHandler
    void on(AccountRenewed renewed, @SequenceNumber long sequence) {
        update(renewed.accountId(), sequence, new Update().set("renewedUntil", renewed.renewedUntil())
                .set("annualValue", renewed.annualValue()).set("currency", renewed.currency()));
    }

    @EventHandler
    void on(AccountChurned churned, @SequenceNumber long sequence) {
        update(churned.accountId(), sequence, new Update()
                .set("status", AccountStatus.CHURNED).set("churnReason", churned.reason()));
    }

    @EventHandler
    void on(AccountReopened reopened, @SequenceNumber long sequence) {
        update(reopened.accountId(), sequence, new Update().set("status", AccountStatus.OPEN).unset("churnReason"));
    }

    private void update(String accountId, long sequence, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId).and("version").lt(sequence)),
                update.set("version", sequence), AccountView.class);
    }

    public Optional<AccountView> find(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, AccountView.class));
    }

    public List<AccountView> list(Segment segment, AccountStatus status) {
        Criteria criteria = new Criteria();
        if (segment != null) {
            criteria = criteria.and("segment").is(segment);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("name")),
                AccountView.class);
    }
}

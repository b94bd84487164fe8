package org.relationshipledger.contacts.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An account as the API shows it; {@code version} is what a caller passes back as {@code expectedVersion}. */
@Document(AccountView.COLLECTION)
public record AccountView(@Id String id, String name, String industry, Segment segment, String region,
                          AccountStatus status, BigDecimal annualValue, String currency, LocalDate renewedUntil,
                          ChurnReason churnReason, Instant openedAt, long version) {

    public static final String COLLECTION = "account_views";
}

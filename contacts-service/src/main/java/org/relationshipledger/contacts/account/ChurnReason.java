package org.relationshipledger.contacts.account;

/** Why a client left: a closed list, so no free text (and no PII) rides on a churn. */
public enum ChurnReason {
    PRICE, PRODUCT_FIT, SERVICE_QUALITY, COMPETITOR, BUDGET_CUT, CHAMPION_LEFT, MERGER_OR_ACQUISITION,
    BUSINESS_CLOSED, OTHER
}

package org.relationshipledger.analytics.ledger;

/**
 * One physical copy of the account ledger: the event log, the per-account index and the account views. A replay
 * builds the next generation beside the serving one and then swaps, so readers never see a half-built copy.
 */
public record Generation(int number) {

    public static final String EVENTS = "account_events";
    public static final String INDEX = "account_ledgers";
    public static final String VIEWS = "account_views";

    public String events() {
        return EVENTS + "_g" + number;
    }

    public String index() {
        return INDEX + "_g" + number;
    }

    public String views() {
        return VIEWS + "_g" + number;
    }

    public Generation next() {
        return new Generation(number + 1);
    }
}

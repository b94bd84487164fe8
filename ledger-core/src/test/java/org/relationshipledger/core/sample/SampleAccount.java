package org.relationshipledger.core.sample;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Instant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A minimal event-sourced aggregate, enough to drive the chassis end to end. */
@Aggregate
public class SampleAccount {

    /** Lets a test hold a command after the aggregate was loaded, to make two commands truly concurrent. */
    public static volatile Runnable beforeDecide = () -> { };

    @AggregateIdentifier
    private String accountId;

    public record OpenSampleAccount(@TargetAggregateIdentifier String accountId, String name) {
    }

    public record ChangeValue(@TargetAggregateIdentifier String accountId, BigDecimal annualValue) {
    }

    protected SampleAccount() {
    }

    @CommandHandler
    public SampleAccount(OpenSampleAccount command) {
        apply(new SampleAccountEvent.Opened(command.accountId(), command.name(), Instant.now()));
    }

    @CommandHandler
    public void handle(ChangeValue command) {
        beforeDecide.run();
        apply(new SampleAccountEvent.ValueChanged(accountId, command.annualValue(), Instant.now()));
    }

    @EventSourcingHandler
    void on(SampleAccountEvent.Opened opened) {
        accountId = opened.accountId();
    }
}

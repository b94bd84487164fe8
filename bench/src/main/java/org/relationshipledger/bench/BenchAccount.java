package org.relationshipledger.bench;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Instant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.relationshipledger.contracts.EventType;

/** The aggregate the benchmarks drive: one event per command, payload about the size of a real account event. */
@Aggregate
public class BenchAccount {

    @AggregateIdentifier
    private String accountId;

    public record OpenBenchAccount(@TargetAggregateIdentifier String accountId, String name, String industry) {
    }

    public record ChangeBenchValue(@TargetAggregateIdentifier String accountId, BigDecimal annualValue) {
    }

    @EventType(name = "bench.BenchAccount.Opened")
    public record Opened(String accountId, String name, String industry, Instant validFrom) {
    }

    @EventType(name = "bench.BenchAccount.ValueChanged")
    public record ValueChanged(String accountId, BigDecimal annualValue, Instant validFrom) {
    }

    protected BenchAccount() {
    }

    @CommandHandler
    public BenchAccount(OpenBenchAccount command) {
        apply(new Opened(command.accountId(), command.name(), command.industry(), Instant.now()));
    }

    @CommandHandler
    public void handle(ChangeBenchValue command) {
        apply(new ValueChanged(accountId, command.annualValue(), Instant.now()));
    }

    @EventSourcingHandler
    void on(Opened opened) {
        accountId = opened.accountId();
    }
}

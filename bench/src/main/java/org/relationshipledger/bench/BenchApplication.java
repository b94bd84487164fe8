package org.relationshipledger.bench;

import java.util.List;

import org.relationshipledger.contracts.AccountEvent;
import org.relationshipledger.core.outbox.IntegrationEventTranslator;
import org.relationshipledger.core.outbox.Outbound;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/** A service shaped like the real ones, for benchmarks: the ledger chassis, one aggregate, one translator. */
@SpringBootApplication
@PropertySource("classpath:bench-service.properties")
public class BenchApplication {

    @Bean
    IntegrationEventTranslator benchTranslator() {
        return message -> switch (message.getPayload()) {
            case BenchAccount.Opened opened -> List.of(Outbound.of(new AccountEvent.AccountOpened(opened.accountId(),
                    opened.name(), opened.industry(), AccountEvent.Segment.ENTERPRISE, "EMEA", opened.validFrom())));
            case BenchAccount.ValueChanged changed -> List.of(Outbound.of(new AccountEvent.ContractValueChanged(
                    changed.accountId(), changed.annualValue(), "EUR", changed.validFrom())));
            default -> List.of();
        };
    }
}

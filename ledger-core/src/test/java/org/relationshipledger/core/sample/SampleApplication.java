package org.relationshipledger.core.sample;

import org.relationshipledger.core.LedgerStoreFixture;
import org.relationshipledger.core.outbox.IntegrationEventTranslator;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A service built on the chassis the way the four real ones are: an aggregate, a translator, nothing else. */
@SpringBootApplication
public class SampleApplication {

    @Bean
    IntegrationEventTranslator sampleTranslator() {
        return LedgerStoreFixture.translator();
    }
}

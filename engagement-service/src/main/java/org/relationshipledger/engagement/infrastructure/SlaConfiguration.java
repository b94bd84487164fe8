package org.relationshipledger.engagement.infrastructure;

import java.time.Duration;
import java.util.Map;

import org.relationshipledger.engagement.ticket.Severity;
import org.relationshipledger.engagement.ticket.SlaPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(SlaConfiguration.SlaTargets.class)
class SlaConfiguration {

    /** {@code engagement.sla.targets.CRITICAL=PT4H} and so on, one per severity. */
    @ConfigurationProperties("engagement.sla")
    record SlaTargets(Map<Severity, Duration> targets) {
    }

    @Bean
    SlaPolicy slaPolicy(SlaTargets sla) {
        return new SlaPolicy(sla.targets() == null ? Map.of() : sla.targets());
    }
}

package org.relationshipledger.core.sample;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.relationshipledger.core.security.AccessRule;
import org.relationshipledger.core.security.LedgerRole;
import org.relationshipledger.core.tenancy.AccountTenancy;
import org.relationshipledger.core.tenancy.Tenants;
import org.relationshipledger.core.web.RuleViolation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/** The sample service's API, shaped like the real ones, for the security and tenancy tests. */
@RestController
class SampleController {

    private final CommandGateway commands;
    private final AccountTenancy tenancy;
    private final MongoDatabase database;

    SampleController(CommandGateway commands, AccountTenancy tenancy, MongoDatabase ledgerDatabase) {
        this.commands = commands;
        this.tenancy = tenancy;
        this.database = ledgerDatabase;
    }

    record Opened(String id) {
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Opened open(@RequestBody Map<String, String> body) {
        String id = UUID.randomUUID().toString();
        tenancy.claim(id, Tenants.current().orElseThrow());
        commands.sendAndWait(new SampleAccount.OpenSampleAccount(id, body.getOrDefault("name", "Sample")));
        return new Opened(id);
    }

    @PostMapping("/accounts/{accountId}/value")
    Map<String, String> change(@PathVariable String accountId, @RequestBody Map<String, BigDecimal> body) {
        commands.sendAndWait(new SampleAccount.ChangeValue(accountId, body.get("annualValue")));
        return Map.of("accountId", accountId);
    }

    @GetMapping("/accounts/{accountId}")
    Map<String, Object> get(@PathVariable String accountId) {
        Document counted = database.getCollection(SampleProjection.COLLECTION).find(Filters.eq("_id", accountId)).first();
        if (counted == null) {
            throw RuleViolation.notFound("accountId", "no account " + accountId);
        }
        return Map.of("accountId", accountId, "events", counted.get("events"));
    }

    @GetMapping("/audit/accounts/{accountId}/events")
    Map<String, String> audit(@PathVariable String accountId) {
        return Map.of("accountId", accountId);
    }

    @PostMapping("/accounts/{accountId}/erasure")
    Map<String, String> erase(@PathVariable String accountId) {
        return Map.of("erased", accountId);
    }

    @Configuration(proxyBeanMethods = false)
    static class Rules {

        @Bean
        AccessRule erasureNeedsAdmin() {
            return AccessRule.of(HttpMethod.POST, "/accounts/*/erasure", LedgerRole.ADMIN);
        }
    }
}

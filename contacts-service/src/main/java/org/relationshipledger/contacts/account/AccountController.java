package org.relationshipledger.contacts.account;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.relationshipledger.contacts.account.AccountCommand.ChangeContractValue;
import org.relationshipledger.contacts.account.AccountCommand.ChurnAccount;
import org.relationshipledger.contacts.account.AccountCommand.OpenAccount;
import org.relationshipledger.contacts.account.AccountCommand.RenewAccount;
import org.relationshipledger.contacts.account.AccountCommand.ReopenAccount;
import org.relationshipledger.core.tenancy.AccountTenancy;
import org.relationshipledger.core.tenancy.Tenants;
import org.relationshipledger.core.web.RuleViolation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/accounts")
@Tag(name = "accounts", description = "Client accounts and their lifecycle")
class AccountController {

    private final CommandGateway commands;
    private final AccountProjection accounts;
    private final AccountTenancy tenancy;

    AccountController(CommandGateway commands, AccountProjection accounts, AccountTenancy tenancy) {
        this.commands = commands;
        this.accounts = accounts;
        this.tenancy = tenancy;
    }

    record OpenAccountRequest(@NotBlank @Size(max = 200) String name, @Size(max = 120) String industry,
                              @NotNull Segment segment, @Size(max = 60) String region) {
    }

    record ContractValueRequest(@NotNull @PositiveOrZero @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2)
                                BigDecimal annualValue,
                                @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
                                String currency,
                                @PositiveOrZero Long expectedVersion) {
    }

    record RenewalRequest(@NotNull LocalDate renewedUntil,
                          @NotNull @DecimalMin("0") @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2)
                          BigDecimal annualValue,
                          @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
                          String currency,
                          @PositiveOrZero Long expectedVersion) {
    }

    record ChurnRequest(@NotNull ChurnReason reason, @PositiveOrZero Long expectedVersion) {
    }

    record ReopenRequest(@PositiveOrZero Long expectedVersion) {
    }

    record Created(String id) {
    }

    @PostMapping
    @Operation(summary = "Open an account", description = "Answers 201 with the new account's id and Location.")
    ResponseEntity<Created> open(@Valid @RequestBody OpenAccountRequest request) {
        String id = UUID.randomUUID().toString();
        // Owned by the caller's tenant from its first event on; every service learns the owner from the envelope.
        tenancy.claim(id, currentTenant());
        commands.sendAndWait(new OpenAccount(id, request.name().strip(), blankToNull(request.industry()),
                request.segment(), blankToNull(request.region())));
        return ResponseEntity.created(URI.create("/accounts/" + id)).body(new Created(id));
    }

    @GetMapping("/{accountId}")
    AccountView get(@PathVariable String accountId) {
        return view(accountId);
    }

    @GetMapping
    @Operation(summary = "List the caller's tenant's accounts, optionally by segment and status")
    List<AccountView> list(@RequestParam(required = false) Segment segment,
                           @RequestParam(required = false) AccountStatus status) {
        List<AccountView> all = accounts.list(segment, status);
        Set<String> visible = tenancy.visibleTo(all.stream().map(AccountView::id).toList(), currentTenant());
        return all.stream().filter(account -> visible.contains(account.id())).toList();
    }

    @PostMapping("/{accountId}/contract-value")
    AccountView changeContractValue(@PathVariable String accountId, @Valid @RequestBody ContractValueRequest request) {
        view(accountId);
        commands.sendAndWait(new ChangeContractValue(accountId, request.annualValue(), request.currency(),
                request.expectedVersion()));
        return view(accountId);
    }

    @PostMapping("/{accountId}/renewal")
    AccountView renew(@PathVariable String accountId, @Valid @RequestBody RenewalRequest request) {
        view(accountId);
        commands.sendAndWait(new RenewAccount(accountId, request.renewedUntil(), request.annualValue(),
                request.currency(), request.expectedVersion()));
        return view(accountId);
    }

    @PostMapping("/{accountId}/churn")
    AccountView churn(@PathVariable String accountId, @Valid @RequestBody ChurnRequest request) {
        view(accountId);
        commands.sendAndWait(new ChurnAccount(accountId, request.reason(), request.expectedVersion()));
        return view(accountId);
    }

    @PostMapping("/{accountId}/reopening")
    @Operation(summary = "Win back a churned account")
    AccountView reopen(@PathVariable String accountId, @Valid @RequestBody(required = false) ReopenRequest request) {
        view(accountId);
        commands.sendAndWait(new ReopenAccount(accountId, request == null ? null : request.expectedVersion()));
        return view(accountId);
    }

    private AccountView view(String accountId) {
        return accounts.find(accountId)
                .orElseThrow(() -> RuleViolation.notFound("accountId", "no account " + accountId));
    }

    private String currentTenant() {
        return Tenants.current().orElse(tenancy.defaultTenant());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.relationshipledger.engagement.history;

import java.util.List;
import java.util.Set;

import org.relationshipledger.core.tenancy.AccountTenancy;
import org.relationshipledger.core.tenancy.Tenants;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TeamMemberController {

    /** @param periods this team member's ownership periods of the account, oldest first */
    record OwnedAccount(String accountId, boolean current, List<OwnershipView.Period> periods) {
    }

    private final OwnershipProjection ownership;
    private final AccountTenancy tenancy;

    TeamMemberController(OwnershipProjection ownership, AccountTenancy tenancy) {
        this.ownership = ownership;
        this.tenancy = tenancy;
    }

    /** Only the caller's tenant's accounts: a team member id is not scoped by tenant, accounts are. */
    @GetMapping("/team-members/{teamMemberId}/accounts")
    List<OwnedAccount> accounts(@PathVariable String teamMemberId) {
        var owned = ownership.ofTeamMember(teamMemberId);
        Set<String> visible = tenancy.visibleTo(owned.stream().map(OwnershipView::accountId).toList(),
                Tenants.current().orElse(tenancy.defaultTenant()));
        return owned.stream().filter(account -> visible.contains(account.accountId()))
                .map(account -> new OwnedAccount(account.accountId(), teamMemberId.equals(account.currentOwnerId()),
                        account.periods().stream().filter(p -> p.ownerId().equals(teamMemberId)).toList()))
                .toList();
    }
}

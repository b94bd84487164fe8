package org.relationshipledger.engagement.history;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TeamMemberController {

    /** @param periods this team member's ownership periods of the account, oldest first */
    record OwnedAccount(String accountId, boolean current, List<OwnershipView.Period> periods) {
    }

    private final OwnershipProjection ownership;

    TeamMemberController(OwnershipProjection ownership) {
        this.ownership = ownership;
    }

    @GetMapping("/team-members/{teamMemberId}/accounts")
    List<OwnedAccount> accounts(@PathVariable String teamMemberId) {
        return ownership.ofTeamMember(teamMemberId).stream()
                .map(account -> new OwnedAccount(account.accountId(), teamMemberId.equals(account.currentOwnerId()),
                        account.periods().stream().filter(p -> p.ownerId().equals(teamMemberId)).toList()))
                .toList();
    }
}

package org.relationshipledger.engagement.history;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.relationshipledger.core.web.RuleViolation;
import org.relationshipledger.engagement.interaction.Channel;
import org.relationshipledger.engagement.roster.AccountRoster;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountHistoryController {

    static final int MAX_PAGE = 200;

    private final AccountRoster roster;
    private final InteractionsProjection interactions;
    private final TicketsProjection tickets;
    private final SurveysProjection surveys;
    private final OwnershipProjection ownership;
    private final TimelineProjection timeline;
    private final HandoverPackages handoverPackages;

    AccountHistoryController(AccountRoster roster, InteractionsProjection interactions, TicketsProjection tickets,
                             SurveysProjection surveys, OwnershipProjection ownership, TimelineProjection timeline,
                             HandoverPackages handoverPackages) {
        this.roster = roster;
        this.interactions = interactions;
        this.tickets = tickets;
        this.surveys = surveys;
        this.ownership = ownership;
        this.timeline = timeline;
        this.handoverPackages = handoverPackages;
    }

    @GetMapping("/accounts/{accountId}/interactions")
    List<InteractionView> interactions(@PathVariable String accountId) {
        roster.requireAccount(accountId);
        return interactions.ofAccount(accountId);
    }

    @GetMapping("/interactions/{interactionId}")
    InteractionView interaction(@PathVariable String interactionId) {
        return interactions.byId(interactionId).orElseThrow(() -> RuleViolation.notFound("interactionId",
                "No interaction " + interactionId + "."));
    }

    @GetMapping("/tickets/{ticketId}")
    TicketView ticket(@PathVariable String ticketId) {
        return tickets.byId(ticketId).orElseThrow(() -> RuleViolation.notFound("ticketId",
                "No ticket " + ticketId + "."));
    }

    @GetMapping("/accounts/{accountId}/tickets")
    List<TicketView> tickets(@PathVariable String accountId) {
        roster.requireAccount(accountId);
        return tickets.ofAccount(accountId);
    }

    @GetMapping("/accounts/{accountId}/surveys")
    List<SurveyView> surveys(@PathVariable String accountId) {
        roster.requireAccount(accountId);
        return surveys.ofAccount(accountId);
    }

    @GetMapping("/accounts/{accountId}/owners")
    OwnershipView owners(@PathVariable String accountId) {
        roster.requireAccount(accountId);
        return ownership.ofAccount(accountId).orElse(new OwnershipView(accountId, null, List.of(), List.of()));
    }

    @GetMapping("/accounts/{accountId}/timeline")
    TimelinePage timeline(@PathVariable String accountId, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @RequestParam(required = false) String channel,
                          @RequestParam(required = false) String cursor,
                          @RequestParam(defaultValue = "50") String limit) {
        roster.requireAccount(accountId);
        int pageSize = pageSize(limit);
        Instant start = instant(from, "from");
        Instant end = instant(to, "to");
        if (start != null && end != null && !start.isBefore(end)) {
            throw RuleViolation.invalid("to", "to must be after from");
        }
        return timeline.page(accountId, start, end, channel == null ? null : channel(channel).name(), cursor,
                pageSize);
    }

    // Parameters are parsed here rather than bound by Spring so a bad one is refused naming its field.
    private static int pageSize(String limit) {
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= MAX_PAGE) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw RuleViolation.invalid("limit", "limit must be between 1 and " + MAX_PAGE);
    }

    private static Instant instant(String value, String field) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid(field, field + " must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
        }
    }

    private static Channel channel(String value) {
        try {
            return Channel.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("channel", "channel must be one of " + List.of(Channel.values()));
        }
    }

    @GetMapping("/accounts/{accountId}/handover-package")
    HandoverPackage handoverPackage(@PathVariable String accountId) {
        roster.requireAccount(accountId);
        return handoverPackages.assemble(accountId);
    }
}

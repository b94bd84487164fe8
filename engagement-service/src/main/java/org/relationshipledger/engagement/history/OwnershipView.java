package org.relationshipledger.engagement.history;

import static org.relationshipledger.engagement.history.InteractionView.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;

public record OwnershipView(String accountId, String currentOwnerId, List<Period> periods, List<Handover> handovers) {

    /** @param until null while the period lasts */
    public record Period(String ownerId, Instant from, Instant until) {
    }

    public record Handover(String fromOwnerId, String toOwnerId, String note, List<String> openItems, Instant at) {
    }

    static OwnershipView of(Document d) {
        List<Handover> handovers = d.getList("handovers", Document.class, List.of()).stream()
                .map(h -> new Handover(h.getString("fromOwnerId"), h.getString("toOwnerId"), h.getString("note"),
                        h.getList("openItems", String.class, List.of()), instant(h, "at")))
                .toList();
        List<Period> periods = new ArrayList<>();
        String owner = d.getString("firstOwnerId");
        Instant from = instant(d, "firstAssignedAt");
        for (Handover handover : handovers) {
            periods.add(new Period(owner, from, handover.at()));
            owner = handover.toOwnerId();
            from = handover.at();
        }
        periods.add(new Period(owner, from, null));
        return new OwnershipView(d.getString("_id"), d.getString("currentOwnerId"), periods, handovers);
    }

    public List<String> previousOwnerIds() {
        return periods.stream().filter(p -> p.until() != null).map(Period::ownerId).distinct().toList();
    }
}

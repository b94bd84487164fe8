package org.relationshipledger.mapping.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relationshipledger.mapping.accountmap.BuyingRole;
import org.relationshipledger.mapping.accountmap.MapState.ReportingLine;
import org.relationshipledger.mapping.accountmap.MapState.RoleAssignment;
import org.relationshipledger.mapping.accountmap.ReportingLineKind;
import org.relationshipledger.mapping.accountmap.Stance;

/**
 * The hierarchy as a forest. A contact sits under the manager of their earliest solid line; every other line
 * (dotted, or a second solid manager) is listed beside the tree, so several managers never duplicate a subtree.
 */
public final class OrgChart {

    public record Node(String contactId, String label, BuyingRole role, Stance stance, BestAffinity bestAffinity,
                       List<Node> reports) {
    }

    public record Line(String contactId, String managerId, ReportingLineKind kind) {
    }

    public record View(String accountId, Instant asOf, List<Node> roots, List<Line> otherLines) {

        /** The same view, for another instant at which its picture still holds. */
        public View at(Instant instant) {
            return new View(accountId, instant, roots, otherLines);
        }
    }

    private OrgChart() {
    }

    public static View of(Picture picture) {
        Map<String, String> primaryManager = new LinkedHashMap<>();
        List<Line> otherLines = new ArrayList<>();
        for (ReportingLine line : picture.lines()) {
            if (line.kind() == ReportingLineKind.SOLID && !primaryManager.containsKey(line.contactId())) {
                primaryManager.put(line.contactId(), line.managerId());
            } else {
                otherLines.add(new Line(line.contactId(), line.managerId(), line.kind()));
            }
        }
        Map<String, List<String>> reports = new LinkedHashMap<>();
        primaryManager.forEach((contact, manager) -> reports.computeIfAbsent(manager, m -> new ArrayList<>()).add(contact));
        Comparator<String> byLabel = Comparator.comparing(picture::label).thenComparing(Comparator.naturalOrder());
        List<Node> roots = picture.contacts().keySet().stream()
                .filter(id -> !primaryManager.containsKey(id))
                .sorted(byLabel)
                .map(id -> node(picture, id, reports, byLabel))
                .toList();
        return new View(picture.accountId(), picture.asOf(), roots, otherLines);
    }

    private static Node node(Picture picture, String id, Map<String, List<String>> reports, Comparator<String> order) {
        RoleAssignment role = picture.roles().get(id);
        List<Node> children = reports.getOrDefault(id, List.of()).stream().sorted(order)
                .map(child -> node(picture, child, reports, order)).toList();
        return new Node(id, picture.label(id), role == null ? null : role.role(), role == null ? null : role.stance(),
                BestAffinity.of(picture.bestAffinity(id)), children);
    }
}

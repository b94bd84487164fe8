package org.relationshipledger.launcher.demo;

import java.util.List;

/**
 * The demo data set, as data. Northwind Logistics is the strategic account: its COO decides, defers to his VP of
 * Network Operations, who defers to a senior analyst our tm-bob knows very well, so backward mapping has a path
 * to show. The other accounts span the health bands: Harborview (watch, just handed over), Quillmark (at risk:
 * silent for months, detractors, a critical ticket already past its SLA) and Old Mill Bakeries (churned to a
 * competitor).
 * Every person is fictional; every address is under example.com.
 */
final class DemoStory {

    /** @param manager the key of the solid-line manager, or null at the top */
    record Person(String key, String fullName, String title, String department, String function, String seniority,
                  String manager) {
    }

    record DottedLine(String contact, String manager) {
    }

    /** {@code from} defers to, influences or opposes {@code to}. */
    record Edge(String from, String type, String to, int strength, String reason, String note) {
    }

    record Role(String contact, String role, String stance) {
    }

    record Affinity(String contact, String teamMember, int score, String note) {
    }

    record Coalition(String name, String alignment, List<String> members) {
    }

    record Interest(String contact, String kind, String horizon, String text) {
    }

    /**
     * One interaction every {@code everyDays} from {@code firstDaysAgo} to {@code lastDaysAgo}, cycling through
     * the sentiments, contacts, team members and summaries.
     */
    record Cadence(int firstDaysAgo, int lastDaysAgo, int everyDays, List<Integer> sentiments,
                   List<String> contacts, List<String> teamMembers, List<String> summaries) {
    }

    record Answer(String contact, String kind, int score, int daysAgo, String comment) {
    }

    /** @param openedDaysAgo how long before the load the client raised it; 0 for a ticket opened now */
    record Ticket(String contact, String severity, String subject, boolean resolved, int openedDaysAgo) {
    }

    /** @param handedOverTo null when the first owner still owns the account */
    record Ownership(String firstOwner, String handedOverTo, String note, List<String> openItems) {
    }

    /** @param churnReason null for an account still with us */
    record Account(String name, String industry, String segment, String region, long annualValue, String emailDomain,
                   List<Person> people, List<DottedLine> dottedLines, List<Edge> edges, List<Role> roles,
                   List<Affinity> affinities, List<Coalition> coalitions, List<Interest> interests,
                   Cadence cadence, List<Answer> answers, List<Ticket> tickets, Ownership ownership,
                   String churnReason) {
    }

    private static final String C = "C_LEVEL", VP = "VP", DIR = "DIRECTOR", MGR = "MANAGER",
            IC = "INDIVIDUAL_CONTRIBUTOR";

    static final Account NORTHWIND = new Account("Northwind Logistics", "Logistics", "STRATEGIC", "EMEA", 1_200_000,
            "northwind.example.com",
            List.of(
                    new Person("ceo", "Margaret Okafor", "Chief Executive Officer", "Executive Office", "General Management", C, null),
                    new Person("coo", "Daniel Whitfield", "Chief Operating Officer", "Operations", "Operations", C, "ceo"),
                    new Person("cfo", "Priya Raman", "Chief Financial Officer", "Finance", "Finance", C, "ceo"),
                    new Person("cio", "Tomas Lindqvist", "Chief Information Officer", "IT", "Technology", C, "ceo"),
                    new Person("vp-network", "Elena Castillo", "VP Network Operations", "Operations", "Operations", VP, "coo"),
                    new Person("vp-warehousing", "Marcus Boateng", "VP Warehousing", "Operations", "Operations", VP, "coo"),
                    new Person("vp-fpa", "Grace Liu", "VP Financial Planning & Analysis", "Finance", "Finance", VP, "cfo"),
                    new Person("vp-procurement", "Stefan Novak", "VP Procurement", "Procurement", "Procurement", VP, "cfo"),
                    new Person("vp-engineering", "Aisha Karimi", "VP Engineering", "IT", "Technology", VP, "cio"),
                    new Person("vp-cx", "Jonas Meyer", "VP Customer Experience", "Customer Service", "Customer Success", VP, "coo"),
                    new Person("dir-planning", "Hannah Brooks", "Director of Network Planning", "Operations", "Operations", DIR, "vp-network"),
                    new Person("dir-fleet", "Rafael Ortiz", "Director of Fleet Management", "Operations", "Operations", DIR, "vp-network"),
                    new Person("dir-warehouse", "Sophie Laurent", "Director of Warehouse Operations", "Operations", "Operations", DIR, "vp-warehousing"),
                    new Person("dir-logistics-it", "Kenji Watanabe", "Director of Logistics IT", "IT", "Technology", DIR, "vp-engineering"),
                    new Person("dir-data", "Olivia Grant", "Director of Data & Analytics", "IT", "Technology", DIR, "vp-engineering"),
                    new Person("dir-security", "Viktor Petrov", "Director of Information Security", "IT", "Security", DIR, "cio"),
                    new Person("dir-sourcing", "Leah Goldberg", "Director of Strategic Sourcing", "Procurement", "Procurement", DIR, "vp-procurement"),
                    new Person("dir-fpa", "Samuel Adeyemi", "Director of FP&A", "Finance", "Finance", DIR, "vp-fpa"),
                    new Person("dir-support", "Isabel Moreau", "Director of Customer Support", "Customer Service", "Customer Success", DIR, "vp-cx"),
                    new Person("dir-people", "Nora Jensen", "Director of People Operations", "Human Resources", "HR", DIR, "ceo"),
                    new Person("mgr-routing", "Lucas Ferreira", "Routing Optimisation Manager", "Operations", "Operations", MGR, "dir-planning"),
                    new Person("mgr-capacity", "Mei Chen", "Capacity Planning Manager", "Operations", "Operations", MGR, "dir-planning"),
                    new Person("mgr-fleet", "Patrick Doyle", "Fleet Maintenance Manager", "Operations", "Operations", MGR, "dir-fleet"),
                    new Person("mgr-rotterdam", "Ana Silva", "Warehouse Manager Rotterdam", "Operations", "Operations", MGR, "dir-warehouse"),
                    new Person("mgr-hamburg", "Erik Johansson", "Warehouse Manager Hamburg", "Operations", "Operations", MGR, "dir-warehouse"),
                    new Person("mgr-integration", "Fatima Zahra", "Integration Platform Manager", "IT", "Technology", MGR, "dir-logistics-it"),
                    new Person("mgr-bi", "Ryan Murphy", "Business Intelligence Manager", "IT", "Technology", MGR, "dir-data"),
                    new Person("mgr-security", "Chloe Dubois", "Security Architecture Manager", "IT", "Security", MGR, "dir-security"),
                    new Person("mgr-category", "Ahmed Hassan", "Category Manager Technology", "Procurement", "Procurement", MGR, "dir-sourcing"),
                    new Person("mgr-controlling", "Laura Schmidt", "Financial Controller", "Finance", "Finance", MGR, "dir-fpa"),
                    new Person("mgr-support", "Diego Alvarez", "Support Team Lead", "Customer Service", "Customer Success", MGR, "dir-support"),
                    new Person("analyst", "Yuki Tanaka", "Senior Operations Analyst", "Operations", "Operations", IC, "mgr-routing"),
                    new Person("planner", "Ben Carter", "Network Planner", "Operations", "Operations", IC, "mgr-capacity"),
                    new Person("data-engineer", "Zara Whitaker", "Data Engineer", "IT", "Technology", IC, "mgr-bi"),
                    new Person("data-analyst", "Omar Rahman", "Data Analyst", "IT", "Technology", IC, "mgr-bi"),
                    new Person("integration-lead", "Clara Hoffmann", "Lead Integration Developer", "IT", "Technology", IC, "mgr-integration"),
                    new Person("security-analyst", "Noah Fischer", "Security Analyst", "IT", "Security", IC, "mgr-security"),
                    new Person("buyer", "Julia Rossi", "Senior Buyer", "Procurement", "Procurement", IC, "mgr-category"),
                    new Person("finance-analyst", "Ethan Walsh", "Financial Analyst", "Finance", "Finance", IC, "mgr-controlling"),
                    new Person("assistant", "Sarah Kim", "Executive Assistant to the COO", "Operations", "Administration", IC, "coo"),
                    new Person("support-specialist", "Leo Nakamura", "Support Specialist", "Customer Service", "Customer Success", IC, "mgr-support")),
            List.of(
                    new DottedLine("analyst", "dir-data"),
                    new DottedLine("dir-logistics-it", "vp-network"),
                    new DottedLine("data-engineer", "mgr-integration")),
            List.of(
                    new Edge("coo", "DEFERS_TO", "vp-network", 4, "TRUST",
                            "Daniel does not sign a network change Elena has not reviewed"),
                    new Edge("vp-network", "DEFERS_TO", "analyst", 5, "EXPERTISE",
                            "Elena has Yuki validate every routing business case"),
                    new Edge("ceo", "DEFERS_TO", "coo", 3, "AUTHORITY",
                            "Margaret leaves operational tooling to Daniel"),
                    new Edge("cfo", "DEFERS_TO", "vp-fpa", 3, "EXPERTISE", "Priya relies on Grace's business-case reviews"),
                    new Edge("dir-planning", "DEFERS_TO", "analyst", 3, "EXPERTISE", "Yuki owns the routing model"),
                    new Edge("dir-sourcing", "DEFERS_TO", "vp-procurement", 4, "AUTHORITY", "Leah follows Stefan's line"),
                    new Edge("dir-logistics-it", "INFLUENCES", "vp-engineering", 3, "SHARED_INTEREST",
                            "Kenji and Aisha co-own the integration roadmap"),
                    new Edge("dir-security", "INFLUENCES", "cio", 4, "EXPERTISE", "Viktor's risk reviews gate every vendor"),
                    new Edge("assistant", "INFLUENCES", "coo", 2, "TRUST", "Sarah decides what reaches Daniel's calendar"),
                    new Edge("vp-procurement", "OPPOSES", "dir-logistics-it", 4, "PAST_CONFLICT",
                            "Stefan blocked Kenji's last platform purchase over licence terms"),
                    new Edge("vp-procurement", "OPPOSES", "vp-network", 2, "PAST_CONFLICT",
                            "Budget dispute over the 2025 carrier tender")),
            List.of(
                    new Role("coo", "DECISION_MAKER", "NEUTRAL"),
                    new Role("cfo", "ECONOMIC_BUYER", "NEUTRAL"),
                    new Role("dir-logistics-it", "CHAMPION", "ALLY"),
                    new Role("analyst", "INFLUENCER", "ALLY"),
                    new Role("vp-network", "INFLUENCER", "NEUTRAL"),
                    new Role("vp-procurement", "BLOCKER", "OPPONENT"),
                    new Role("dir-security", "GATEKEEPER", "NEUTRAL"),
                    new Role("assistant", "GATEKEEPER", "NEUTRAL"),
                    new Role("mgr-routing", "USER", "ALLY"),
                    new Role("integration-lead", "USER", "ALLY")),
            List.of(
                    new Affinity("analyst", "tm-bob", 5, "Built the routing benchmark together; calls Bob first"),
                    new Affinity("dir-logistics-it", "tm-alice", 4, "Weekly steering call; sponsored the pilot"),
                    new Affinity("coo", "tm-alice", 3, "Quarterly business reviews"),
                    new Affinity("cfo", "tm-bob", 3, "Met at the annual budget review"),
                    new Affinity("vp-network", "tm-alice", 2, "Introduced at the kickoff"),
                    new Affinity("vp-procurement", "tm-alice", 1, "Tense renewal negotiation last year"),
                    new Affinity("mgr-routing", "tm-bob", 3, "Daily user of the routing module"),
                    new Affinity("integration-lead", "tm-bob", 4, "Pairs with Bob on the carrier API")),
            List.of(
                    new Coalition("Routing modernisation", "ALIGNED",
                            List.of("dir-logistics-it", "analyst", "mgr-routing", "integration-lead", "dir-data")),
                    new Coalition("Cost control first", "OPPOSED", List.of("vp-procurement", "dir-sourcing", "buyer"))),
            List.of(
                    new Interest("coo", "NEED", "MID_TERM", "Cut empty kilometres by 10% before the next peak season"),
                    new Interest("cfo", "CONCERN", "SHORT_TERM", "Licence cost grows faster than shipment volume"),
                    new Interest("vp-procurement", "FEAR", "LONG_TERM", "Lock-in to a single planning vendor")),
            new Cadence(364, 3, 7, List.of(1, 2, 1, 0, 1, -1, 2, 1),
                    List.of("coo", "dir-logistics-it", "analyst", "cfo", "vp-network", "vp-procurement", "mgr-routing"),
                    List.of("tm-alice", "tm-bob"),
                    List.of("Steering call on the routing roll-out", "Reviewed the routing benchmark results",
                            "Quarterly business review", "Budget check-in for next year's licences",
                            "Carrier API integration workshop", "Procurement pushed back on the price uplift",
                            "Peak-season readiness review")),
            List.of(
                    new Answer("dir-logistics-it", "NPS", 10, 40, "The routing pilot paid for itself"),
                    new Answer("analyst", "NPS", 9, 35, "Great modelling support"),
                    new Answer("coo", "NPS", 8, 30, null),
                    new Answer("vp-procurement", "NPS", 5, 30, "Too expensive"),
                    new Answer("mgr-routing", "CSAT", 5, 20, null),
                    new Answer("integration-lead", "CSAT", 4, 12, "API docs could be better"),
                    new Answer("support-specialist", "CSAT", 4, 8, null)),
            List.of(
                    new Ticket("integration-lead", "HIGH", "Carrier API timeouts during the Monday peak", true, 0),
                    new Ticket("data-analyst", "LOW", "Report export shows times in UTC instead of local time", false,
                            0)),
            new Ownership("tm-alice", null, null, List.of()),
            null);

    static final Account HARBORVIEW = new Account("Harborview Health Partners", "Healthcare", "ENTERPRISE", "EMEA",
            310_000, "harborview.example.com",
            List.of(
                    new Person("coo", "Rebecca Holt", "Chief Operating Officer", "Operations", "Operations", C, null),
                    new Person("finance", "Amara Obi", "Finance Director", "Finance", "Finance", DIR, "coo"),
                    new Person("clinical-systems", "Martin Kowalski", "Director of Clinical Systems", "IT", "Technology", DIR, "coo"),
                    new Person("scheduling", "Tobias Klein", "Scheduling Manager", "Operations", "Operations", MGR, "clinical-systems"),
                    new Person("informatics", "Emily Rhodes", "Nurse Informatics Lead", "Nursing", "Clinical", IC, "scheduling")),
            List.of(new DottedLine("informatics", "clinical-systems")),
            List.of(new Edge("coo", "DEFERS_TO", "clinical-systems", 3, "EXPERTISE", "Rebecca trusts Martin on systems")),
            List.of(
                    new Role("coo", "DECISION_MAKER", "NEUTRAL"),
                    new Role("finance", "ECONOMIC_BUYER", "NEUTRAL"),
                    new Role("clinical-systems", "CHAMPION", "ALLY")),
            List.of(
                    new Affinity("clinical-systems", "tm-bob", 3, "Inherited from Carol; two good calls so far"),
                    new Affinity("coo", "tm-bob", 3, "Met at the handover dinner")),
            List.of(),
            List.of(new Interest("finance", "CONCERN", "SHORT_TERM", "Budget freeze until the merger closes")),
            new Cadence(360, 25, 30, List.of(1, 0, -1, 1, 0),
                    List.of("clinical-systems", "scheduling", "coo"), List.of("tm-carol", "tm-bob"),
                    List.of("Night-rota import review", "Monthly service review", "Escalation about slow scheduling screens")),
            List.of(
                    new Answer("coo", "NPS", 7, 60, null),
                    new Answer("clinical-systems", "NPS", 8, 45, "Good, but support is slow"),
                    new Answer("scheduling", "CSAT", 3, 40, null),
                    new Answer("informatics", "CSAT", 4, 40, null)),
            List.of(new Ticket("scheduling", "MEDIUM", "Shift import fails for the night rota", false, 0)),
            new Ownership("tm-carol", "tm-bob", "Carol moves to the public-sector team; Martin is our champion",
                    List.of("Follow up on the night-rota import fix", "Prepare the renewal proposal")),
            null);

    static final Account QUILLMARK = new Account("Quillmark Publishing", "Media", "MID_MARKET", "EMEA", 95_000,
            "quillmark.example.com",
            List.of(
                    new Person("md", "Victor Hale", "Managing Director", "Executive Office", "General Management", C, null),
                    new Person("finance", "Ingrid Solberg", "Head of Finance", "Finance", "Finance", DIR, "md"),
                    new Person("production", "Paul Mercer", "Head of Production", "Production", "Operations", DIR, "md"),
                    new Person("systems", "Nadia Petrenko", "Production Systems Lead", "Production", "Technology", MGR, "production")),
            List.of(),
            List.of(new Edge("production", "OPPOSES", "systems", 4, "PAST_CONFLICT",
                    "Paul wants to move back to the in-house tool Nadia replaced")),
            List.of(
                    new Role("md", "DECISION_MAKER", "NEUTRAL"),
                    new Role("finance", "ECONOMIC_BUYER", "OPPONENT"),
                    new Role("production", "BLOCKER", "OPPONENT"),
                    new Role("systems", "USER", "ALLY")),
            List.of(new Affinity("systems", "tm-alice", 2, "Only contact left since the champion departed")),
            List.of(),
            List.of(new Interest("md", "FEAR", "SHORT_TERM", "Another missed print deadline")),
            new Cadence(365, 120, 30, List.of(0, -1, -2, -1),
                    List.of("systems", "production", "md"), List.of("tm-bob"),
                    List.of("Print export failed again", "Tense call about the outage credits", "Renewal warning from Victor")),
            List.of(
                    new Answer("md", "NPS", 3, 100, "Too many outages"),
                    new Answer("systems", "NPS", 5, 100, null),
                    new Answer("systems", "CSAT", 2, 100, "Support takes days")),
            List.of(
                    // Raised three days ago and logged late: already far past its four-hour SLA when loaded.
                    new Ticket("systems", "CRITICAL", "Nightly print export fails; issue missed its deadline", false,
                            3),
                    new Ticket("production", "HIGH", "Editorial team cannot log in", false, 0)),
            new Ownership("tm-bob", null, null, List.of()),
            null);

    static final Account OLD_MILL = new Account("Old Mill Bakeries", "Food & Beverage", "SMB", "EMEA", 18_000,
            "oldmill.example.com",
            List.of(
                    new Person("owner", "Hugo Bakker", "Owner", "Executive Office", "General Management", C, null),
                    new Person("ops", "Lotte de Vries", "Operations Manager", "Operations", "Operations", MGR, "owner")),
            List.of(), List.of(),
            List.of(new Role("owner", "DECISION_MAKER", "NEUTRAL")),
            List.of(new Affinity("owner", "tm-alice", 2, "Two visits to the bakery")),
            List.of(), List.of(),
            new Cadence(365, 200, 45, List.of(0, -1, -1),
                    List.of("ops", "owner"), List.of("tm-alice"),
                    List.of("Delivery planning check-in", "Complaint about the price increase")),
            List.of(new Answer("owner", "NPS", 2, 210, "A cheaper tool does what we need")),
            List.of(),
            new Ownership("tm-alice", null, null, List.of()),
            "COMPETITOR");

    /** In load order; the first is the strategic account the banner's examples use. */
    static final List<Account> ACCOUNTS = List.of(NORTHWIND, HARBORVIEW, QUILLMARK, OLD_MILL);

    private DemoStory() {
    }
}

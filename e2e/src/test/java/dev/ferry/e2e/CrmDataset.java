package dev.ferry.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The emulator's crm sample as the relationship tests migrate it: the six tables at the rows
 * {@code ./ferry demo} seeds (about 50,000), plans over them, and the lookups between them.
 */
final class CrmDataset {
    /** One crm table: logical name (seeding, exports, write log), entity set (plans), id column, rows seeded. */
    record Table(String logicalName, String entitySet, String idColumn, int rows) {
    }

    /** Parents first; {@code ./ferry demo}'s default size (launcher's CrmSample). */
    static final List<Table> TABLES = List.of(
            new Table("systemuser", "systemusers", "systemuserid", 50),
            new Table("team", "teams", "teamid", 10),
            new Table("account", "accounts", "accountid", 10_000),
            new Table("contact", "contacts", "contactid", 25_000),
            new Table("lead", "leads", "leadid", 10_000),
            new Table("opportunity", "opportunities", "opportunityid", 5_000));

    /** The crm sample's many-to-many relationship between accounts and leads. */
    static final String ASSOCIATION = "accountleads_association";
    /** Its intersect table's logical name: what the target's write log counts its links under. */
    static final String ASSOCIATION_INTERSECT = "accountleads";

    /**
     * The tables each table's rows wait for: its lookups to other tables of the plan, less the
     * deferred ones (every self-reference, and contact.parentcustomerid, which can point to a
     * contact, so is one too, and with it goes the account/contact cycle). ownerid points to
     * users and teams, the customer lookups to accounts and contacts.
     */
    static final Map<String, Set<String>> LOADED_BEFORE = Map.of(
            "systemusers", Set.of(),
            "teams", Set.of("systemusers"),
            "contacts", Set.of("systemusers", "teams"),
            "accounts", Set.of("systemusers", "teams", "contacts"),
            "leads", Set.of("systemusers", "teams", "contacts", "accounts"),
            "opportunities", Set.of("systemusers", "teams", "contacts", "accounts", "leads"));

    /**
     * Every lookup column of the crm sample (logical names). {@code team.administratorid} is
     * required (the target refuses a team without it), so a copy without lookups keeps it.
     */
    static final Set<String> LOOKUPS = Set.of("parentsystemuserid", "administratorid", "parentaccountid",
            "primarycontactid", "parentcustomerid", "parentcontactid", "customerid", "originatingleadid", "ownerid");
    static final Set<String> REQUIRED_LOOKUPS = Set.of("administratorid");

    private CrmDataset() {
    }

    /** The source emulator's {@code --seed}: {@code systemuser=50,team=10,...}. */
    static String seed() {
        return TABLES.stream().map(t -> t.logicalName() + "=" + t.rows()).collect(Collectors.joining(","));
    }

    static long rows() {
        return TABLES.stream().mapToLong(Table::rows).sum();
    }

    static Table byEntitySet(String entitySet) {
        return TABLES.stream().filter(t -> t.entitySet().equals(entitySet)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no crm table " + entitySet));
    }

    /** Children first, so that the order Ferry loads in owes nothing to the plan's; every column of each. */
    static List<Table> reverseOrder() {
        List<Table> reversed = new ArrayList<>(TABLES);
        Collections.reverse(reversed);
        return reversed;
    }

    /** Every table, children first, every column (no {@code select}). */
    static ObjectNode plan(String name) {
        return Plans.plan(name, reverseOrder().stream().map(t -> Plans.table(t.entitySet()))
                .toArray(ObjectNode[]::new));
    }

    /**
     * The tables as separate plans, to be run at once, each table with the columns of
     * {@code sampleRows} (one source row per logical name) but its id and its optional lookups, so
     * that nothing waits for anything. Ferry always copies a lookup whose table is in the same plan,
     * whatever {@code select} says, so a lookup-free copy needs one plan per table; users and teams
     * share one, because a team's administrator (a user) is required. What is left of the lookups
     * are the self-references, written by their second passes as in an ordered run.
     */
    static List<ObjectNode> unorderedPlans(String name, Map<String, JsonNode> sampleRows) {
        List<List<String>> groups = List.of(List.of("systemusers", "teams"), List.of("accounts"), List.of("contacts"),
                List.of("leads"), List.of("opportunities"));
        return groups.stream().map(group -> Plans.plan(name + "-" + group.get(0), group.stream()
                .map(CrmDataset::byEntitySet)
                .map(t -> Plans.table(t.entitySet(), columnsWithoutLookups(t, sampleRows.get(t.logicalName()))))
                .toArray(ObjectNode[]::new))).toList();
    }

    private static List<String> columnsWithoutLookups(Table table, JsonNode sampleRow) {
        List<String> columns = new ArrayList<>();
        for (Iterator<String> names = sampleRow.fieldNames(); names.hasNext(); ) {
            String column = names.next();
            boolean optionalLookup = LOOKUPS.contains(column) && !REQUIRED_LOOKUPS.contains(column);
            if (!column.equals(table.idColumn()) && !optionalLookup) {
                columns.add(column);
            }
        }
        return columns;
    }

    /** Every column of an export row, in its order: what a plan without {@code select} migrates. */
    static List<String> columns(JsonNode row) {
        List<String> columns = new ArrayList<>();
        row.fieldNames().forEachRemaining(columns::add);
        return columns;
    }
}

package dev.ferry.launcher;

import java.util.List;

/**
 * The emulator's built-in {@code crm} tables the demo migrates, parents first (the order does not matter to
 * Ferry; it only makes the output read naturally), with the rows of the default demo size.
 */
final class CrmSample {
    /** One crm table: its logical name (emulator seeding and exports) and entity set (plans). */
    record SampleTable(String logicalName, String entitySet, int defaultRows) {
    }

    static final List<SampleTable> TABLES = List.of(
            new SampleTable("systemuser", "systemusers", 50),
            new SampleTable("team", "teams", 10),
            new SampleTable("account", "accounts", 10_000),
            new SampleTable("contact", "contacts", 25_000),
            new SampleTable("lead", "leads", 10_000),
            new SampleTable("opportunity", "opportunities", 5_000));

    /** The sample's many-to-many relationships (schema names), copied with the tables and verified likewise. */
    static final List<String> RELATIONSHIPS = List.of("accountleads_association");

    /** The rows of the default size: about 50,000. */
    static long defaultTotal() {
        return TABLES.stream().mapToLong(SampleTable::defaultRows).sum();
    }

    private CrmSample() {
    }
}

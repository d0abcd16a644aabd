package dev.ferry.emulator.seed;

import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.ColumnType;
import dev.ferry.emulator.schema.RequiredLevel;
import dev.ferry.emulator.schema.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Generates the values of one table's columns other than the primary id, lookups and
 * versionnumber: realistic for the columns whose names it knows (names, e-mail, telephone,
 * address, revenue, dates of birth, ...), and by type for any other column, so that it works for
 * any schema. Optional columns are sometimes empty; free text is sometimes near its maximum
 * length; the pools bring Unicode.
 */
final class TableValues {
    /** Newest generated date: fixed, so that the same seed gives the same rows on any day. */
    static final Instant NEWEST = Instant.parse("2025-01-01T00:00:00Z");
    static final long HISTORY_SECONDS = 5L * 365 * 24 * 3600;
    /** Share of optional columns left empty. */
    static final double NULL_SHARE = 0.15;
    /** Descriptions are empty more often. */
    static final double MEMO_NULL_SHARE = 0.35;
    /** Share of free-text values generated at (or one short of) the column's maximum length. */
    static final double LONG_TEXT_SHARE = 0.03;
    private static final int LONG_TEXT_VARIANTS = 4;
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1950, 1, 1);
    private static final int BIRTH_SPAN_DAYS = 55 * 365;
    private static final LocalDate EARLIEST_DATE = LocalDate.of(2015, 1, 1);
    private static final int DATE_SPAN_DAYS = 12 * 365;
    private static final String CREATED_ON = "createdon";
    private static final String MODIFIED_ON = "modifiedon";
    private static final String VERSION = "versionnumber";
    private static final String FULL_NAME = "fullname";

    private final Table table;
    private final Cell[] cells;
    private final int createdOn;
    private final int modifiedOn;
    private final int fullName;
    private final int firstName;
    private final int lastName;
    private final int state;
    private final int status;
    private final StatusReasons reasons;
    private final UniqueKeys keys;

    TableValues(Table table, UniqueKeys keys) {
        this.table = table;
        this.keys = keys;
        this.cells = new Cell[table.columnCount()];
        this.createdOn = table.indexOf(CREATED_ON);
        this.modifiedOn = table.indexOf(MODIFIED_ON);
        int full = table.indexOf(FULL_NAME);
        this.fullName = full >= 0 && table.columns().get(full).readOnly() ? full : -1;
        this.firstName = table.indexOf("firstname");
        this.lastName = table.indexOf("lastname");
        int stateSlot = -1;
        int statusSlot = -1;
        for (int i = 0; i < cells.length; i++) {
            Column c = table.columns().get(i);
            if (c.type() == ColumnType.STATE) {
                stateSlot = i;
            } else if (c.type() == ColumnType.STATUS) {
                statusSlot = i;
            }
        }
        this.state = stateSlot;
        this.status = statusSlot;
        this.reasons = stateSlot < 0 ? null : new StatusReasons(table.logicalName(), table.columns().get(stateSlot),
                statusSlot < 0 ? null : table.columns().get(statusSlot));
        Set<Integer> keySlots = keys.keySlots();
        for (int i = 0; i < cells.length; i++) {
            Column c = table.columns().get(i);
            if (generatedHere(c, i)) {
                Cell cell = cell(c);
                // A record without its primary name is unusual even where the schema does not require one.
                boolean optional = !keySlots.contains(i) && !c.name().equals(table.primaryName())
                        && (c.requiredLevel() == RequiredLevel.None || c.requiredLevel() == RequiredLevel.Recommended);
                cells[i] = optional ? sometimesEmpty(cell, c.type() == ColumnType.MEMO ? MEMO_NULL_SHARE : NULL_SHARE)
                        : cell;
            }
        }
    }

    /** Fills the row's values this class owns; lookups, id and version are left to the seeder. */
    void fill(Object[] values, RowDraft row) {
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null) {
                values[i] = cells[i].next(row);
            }
        }
        keys.assign(values, row);
        if (state >= 0 && reasons.hasStates()) {
            int s = reasons.state(row);
            values[state] = s;
            if (status >= 0) {
                values[status] = reasons.status(row, s);
            }
        }
        if (fullName >= 0) {
            values[fullName] = fullName(values);
        }
        Instant created = NEWEST.minusSeconds(row.random.nextLong(HISTORY_SECONDS));
        if (createdOn >= 0) {
            values[createdOn] = created;
        }
        if (modifiedOn >= 0) {
            long sinceCreated = NEWEST.getEpochSecond() - created.getEpochSecond();
            values[modifiedOn] = created.plusSeconds(row.random.nextLong(sinceCreated + 1));
        }
    }

    /** Dataverse's default full name format: first and last name, an empty part left out. */
    private String fullName(Object[] values) {
        String first = firstName >= 0 ? (String) values[firstName] : null;
        String last = lastName >= 0 ? (String) values[lastName] : null;
        if (first != null && last != null) {
            return first + " " + last;
        }
        return first != null ? first : last;
    }

    private boolean generatedHere(Column c, int slot) {
        if (slot == table.primaryIdIndex() || c.type().isLookup() || c.type() == ColumnType.STATE
                || c.type() == ColumnType.STATUS || slot == createdOn || slot == modifiedOn) {
            return false;
        }
        if (c.name().equals(VERSION) || keys.uniqueSlots().contains(slot)) {
            return false;
        }
        // Other read-only columns are the system's to fill; a migration could not carry them.
        return !c.readOnly();
    }

    private static Cell sometimesEmpty(Cell cell, double share) {
        return row -> row.chance(share) ? null : cell.next(row);
    }

    private Cell cell(Column c) {
        String name = c.name().toLowerCase(Locale.ROOT);
        return switch (c.type()) {
            case STRING -> truncated(text(c, name), c.maxLength());
            case MEMO -> truncated(sometimesLong(row -> row.pick(SampleText.DESCRIPTIONS), c.maxLength()),
                    c.maxLength());
            case INTEGER -> integer(name);
            case BIGINT -> row -> row.random.nextLong(1L << 40);
            case DECIMAL -> decimal(name, c.precision());
            case MONEY -> money(name);
            case DOUBLE -> dbl(name, c.precision());
            case BOOLEAN -> bool(name);
            case DATETIME -> row -> NEWEST.minusSeconds(row.random.nextLong(HISTORY_SECONDS));
            case DATEONLY -> date(name);
            case UNIQUEIDENTIFIER -> row -> new UUID(row.random.nextLong(), row.random.nextLong());
            case PICKLIST -> {
                int[] options = StatusReasons.sortedKeys(c.options());
                yield options.length == 0 ? row -> null : row -> options[row.random.nextInt(options.length)];
            }
            case MULTISELECTPICKLIST -> multiSelect(StatusReasons.sortedKeys(c.options()));
            default -> row -> null;
        };
    }

    private Cell text(Column c, String name) {
        if (name.equals("firstname") || name.equals("middlename")) {
            return RowDraft::firstName;
        }
        if (name.equals("lastname")) {
            return RowDraft::lastName;
        }
        if (name.contains("fullname")) {
            return row -> row.firstName() + " " + row.lastName();
        }
        if (name.contains("email")) {
            return firstName >= 0
                    ? row -> Words.FIRST_SLUGS[row.first] + "." + Words.LAST_SLUGS[row.last] + row.number + "@"
                            + Words.COMPANY_SLUGS[row.company] + ".example"
                    : row -> "info" + row.number + "@" + Words.COMPANY_SLUGS[row.company] + ".example";
        }
        if (name.contains("domainname")) {
            return row -> Words.FIRST_SLUGS[row.first] + "." + Words.LAST_SLUGS[row.last] + row.number
                    + Words.LOGIN_DOMAIN;
        }
        if (name.contains("phone") || name.contains("fax")) {
            return row -> row.city().dialling() + " " + (100 + row.random.nextInt(900)) + " "
                    + (1000 + row.random.nextInt(9000));
        }
        if (name.contains("url") || name.contains("website")) {
            return row -> Words.WEBSITES[row.company];
        }
        if (name.contains("city")) {
            return row -> row.city().name();
        }
        if (name.contains("country")) {
            return row -> row.city().country();
        }
        if (name.contains("postalcode") || name.contains("zip")) {
            return row -> row.city().postalCode();
        }
        if (name.contains("line1") || name.contains("line2") || name.contains("street")) {
            return sometimesLong(row -> (1 + row.random.nextInt(999)) + " " + row.pick(SampleText.STREETS),
                    c.maxLength());
        }
        if (name.contains("title")) {
            return sometimesLong(row -> row.pick(SampleText.JOB_TITLES), c.maxLength());
        }
        if (name.contains("company")) {
            return sometimesLong(Words::companyName, c.maxLength());
        }
        if (name.contains("subject") || name.contains("topic")) {
            return sometimesLong(row -> row.pick(Words.SUBJECTS), c.maxLength());
        }
        if (c.name().equals(table.primaryName())) {
            return sometimesLong(primaryName(), c.maxLength());
        }
        return sometimesLong(row -> row.pick(SampleText.WORDS) + " " + row.pick(SampleText.WORDS), c.maxLength());
    }

    /** A primary name that reads like the table's records: companies, deals, teams, else numbered words. */
    private Cell primaryName() {
        String t = table.logicalName();
        if (t.contains("account") || table.indexOf("accountnumber") >= 0) {
            return Words::companyName;
        }
        if (t.contains("opportunit")) {
            return row -> Words.companyName(row) + ": " + row.pick(SampleText.PRODUCTS);
        }
        if (t.contains("team")) {
            return row -> row.city().name() + " " + row.pick(SampleText.TEAM_WORDS);
        }
        return row -> row.pick(SampleText.WORDS) + " " + row.pick(SampleText.WORDS) + " " + row.number;
    }

    /** Now and then the column's maximum length (or one short), otherwise {@code usual}. */
    private static Cell sometimesLong(Cell usual, int maxLength) {
        if (maxLength <= 0) {
            return usual;
        }
        String[] longTexts = new String[LONG_TEXT_VARIANTS];
        for (int v = 0; v < LONG_TEXT_VARIANTS; v++) {
            longTexts[v] = SampleText.longText(maxLength - (v % 2), v);
        }
        return row -> row.chance(LONG_TEXT_SHARE) ? longTexts[row.random.nextInt(LONG_TEXT_VARIANTS)]
                : usual.next(row);
    }

    private static Cell truncated(Cell cell, int maxLength) {
        if (maxLength <= 0) {
            return cell;
        }
        return row -> {
            Object v = cell.next(row);
            return v == null ? null : SampleText.cut((String) v, maxLength);
        };
    }

    private static Cell integer(String name) {
        if (name.contains("employees")) {
            return row -> row.chance(0.7) ? 1 + row.random.nextInt(200) : 1 + row.random.nextInt(100_000);
        }
        if (name.contains("children")) {
            return row -> row.random.nextInt(5);
        }
        if (name.contains("probability") || name.contains("percent")) {
            return row -> row.random.nextInt(101);
        }
        return row -> row.random.nextInt(10_001);
    }

    private static Cell decimal(String name, int precision) {
        long max = name.contains("percent") ? 100 : 100_000;
        long scale = pow10(precision);
        return row -> BigDecimal.valueOf(row.random.nextLong(max * scale + 1), precision);
    }

    private static Cell money(String name) {
        long maxUnits;
        if (name.contains("revenue")) {
            maxUnits = 1_000_000_000L;
        } else if (name.contains("income")) {
            maxUnits = 500_000L;
        } else {
            maxUnits = 1_000_000L;
        }
        return row -> BigDecimal.valueOf(row.random.nextLong(maxUnits * 100 + 1), 2);
    }

    private static Cell dbl(String name, int precision) {
        double scale = pow10(precision);
        if (name.contains("latitude")) {
            return row -> Math.round((row.city().latitude() + row.random.nextDouble(-0.2, 0.2)) * scale) / scale;
        }
        if (name.contains("longitude")) {
            return row -> Math.round((row.city().longitude() + row.random.nextDouble(-0.2, 0.2)) * scale) / scale;
        }
        return row -> Math.round(row.random.nextDouble(0, 1000) * scale) / scale;
    }

    private static Cell bool(String name) {
        double trueShare;
        if (name.startsWith("is") || name.contains("onhold")) {
            trueShare = 0.05;
        } else if (name.startsWith("donot")) {
            trueShare = 0.2;
        } else {
            trueShare = 0.5;
        }
        return row -> row.chance(trueShare);
    }

    private static Cell date(String name) {
        if (name.contains("birth")) {
            return row -> EARLIEST_BIRTH.plusDays(row.random.nextInt(BIRTH_SPAN_DAYS));
        }
        return row -> EARLIEST_DATE.plusDays(row.random.nextInt(DATE_SPAN_DAYS));
    }

    /** Up to three distinct options, in value order as Dataverse stores them; empty means no value. */
    private static Cell multiSelect(int[] options) {
        return row -> {
            if (options.length == 0) {
                return null;
            }
            int picks = 1 + row.random.nextInt(Math.min(3, options.length));
            boolean[] chosen = new boolean[options.length];
            for (int i = 0; i < picks; i++) {
                chosen[row.random.nextInt(options.length)] = true;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < options.length; i++) {
                if (chosen[i]) {
                    if (sb.length() > 0) {
                        sb.append(',');
                    }
                    sb.append(options[i]);
                }
            }
            return sb.toString();
        };
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}

package dev.ferry.launcher;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How many rows the demo's source holds, per crm table. {@code small} is a tenth of the default, {@code large}
 * ten times it, and a number N spreads N rows over the tables as the default does (at least one each).
 *
 * @param label what the user asked for, for messages
 * @param rows  rows per table (logical name), in {@link CrmSample#TABLES} order
 */
record DemoSize(String label, Map<String, Integer> rows) {

    /** The text of {@code --size}'s help. */
    static final String HELP = "Rows in the source: small (5k), default (50k: systemuser=50, team=10,"
            + " account=10000, contact=25000, lead=10000, opportunity=5000), large (500k, with a contact table of"
            + " 250k), or a number N: N rows spread over the six tables as in the default.";
    private static final int SMALL_FACTOR_DIVISOR = 10;
    private static final int LARGE_FACTOR = 10;

    DemoSize {
        rows = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    static DemoSize parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "default":
                return scaled("default", 1, 1);
            case "small":
                return scaled("small", 1, SMALL_FACTOR_DIVISOR);
            case "large":
                return scaled("large", LARGE_FACTOR, 1);
            default:
                return ofTotal(text, value.replace("_", "").replace(",", ""));
        }
    }

    private static DemoSize scaled(String label, long multiplier, long divisor) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (CrmSample.SampleTable table : CrmSample.TABLES) {
            rows.put(table.logicalName(), (int) Math.max(1, table.defaultRows() * multiplier / divisor));
        }
        return new DemoSize(label, rows);
    }

    private static DemoSize ofTotal(String text, String digits) {
        long total;
        try {
            total = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw LauncherException.usage("'" + text + "': expected small, default, large or a number of rows (e.g. 200000).");
        }
        int tables = CrmSample.TABLES.size();
        long max = 10_000_000;
        if (total < tables || total > max) {
            throw LauncherException.usage("'" + text + "': give between " + tables + " (one row per table) and "
                    + Durations.count(max) + " rows.");
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        long defaultTotal = CrmSample.defaultTotal();
        for (CrmSample.SampleTable table : CrmSample.TABLES) {
            rows.put(table.logicalName(), (int) Math.max(1, Math.round((double) table.defaultRows() * total / defaultTotal)));
        }
        return new DemoSize(Durations.count(total) + " rows", rows);
    }

    long total() {
        return rows.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** The emulator's {@code --seed}: {@code systemuser=50,team=10,...}. */
    String seedSpec() {
        return rows.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** picocli's converter, so that a bad {@code --size} is a usage error with exit status 2. */
    static final class Converter implements ITypeConverter<DemoSize> {
        @Override
        public DemoSize convert(String value) {
            try {
                return parse(value);
            } catch (LauncherException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}

package dev.ferry.emulator.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.ErrorCodes;
import dev.ferry.emulator.schema.Column;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.LookupValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Converts column values between their stored form (see {@code Row}) and Dataverse's JSON and
 * URL literal forms, validating what a client sends the way Dataverse does: type, length,
 * option values and ranges.
 */
public final class ValueCodec {
    /** Dataverse keeps DateTime values to the second and writes them in UTC with a Z. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Dataverse's Money range. */
    public static final BigDecimal MONEY_MAX = new BigDecimal("922337203685477");
    /** Dataverse's Decimal range. */
    public static final BigDecimal DECIMAL_MAX = new BigDecimal("100000000000");

    private ValueCodec() {
    }

    /** Writes a stored value as its JSON value (lookups as their id). */
    public static void write(JsonGenerator g, Column column, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        switch (column.type()) {
            case STRING, MEMO, MULTISELECTPICKLIST -> g.writeString((String) value);
            case INTEGER, PICKLIST, STATE, STATUS -> g.writeNumber((Integer) value);
            case BIGINT -> g.writeNumber((Long) value);
            case DECIMAL, MONEY -> g.writeNumber((BigDecimal) value);
            case DOUBLE -> g.writeNumber((Double) value);
            case BOOLEAN -> g.writeBoolean((Boolean) value);
            case DATETIME -> g.writeString(DATE_TIME.format((Instant) value));
            case DATEONLY -> g.writeString(value.toString());
            case UNIQUEIDENTIFIER -> g.writeString(value.toString());
            case LOOKUP, CUSTOMER, OWNER -> g.writeString(((LookupValue) value).id().toString());
        }
    }

    /**
     * Reads a value a client sent for a (non-lookup) column, or throws the 400 Dataverse answers
     * for a value of the wrong type, too long, or out of range.
     */
    public static Object fromJson(Table table, Column column, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String prop = column.propertyName();
        switch (column.type()) {
            case STRING, MEMO -> {
                String s = requireText(table, prop, node, "Edm.String");
                if (column.maxLength() > 0 && s.length() > column.maxLength()) {
                    throw new DataverseException(400, ErrorCodes.STRING_TOO_LONG,
                            "A validation error occurred. The length of the '" + column.name() + "' attribute of the '"
                                    + table.logicalName() + "' entity exceeded the maximum allowed length of '"
                                    + column.maxLength() + "'.");
                }
                return s;
            }
            case INTEGER -> {
                return requireInt(table, prop, node);
            }
            case PICKLIST, STATE, STATUS -> {
                int v = requireInt(table, prop, node);
                requireOption(table, column, v);
                return v;
            }
            case BIGINT -> {
                if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                    throw typeMismatch(table, prop, node, "Edm.Int64");
                }
                return node.longValue();
            }
            case DECIMAL, MONEY -> {
                if (!node.isNumber()) {
                    throw typeMismatch(table, prop, node, "Edm.Decimal");
                }
                BigDecimal v = node.decimalValue();
                BigDecimal max = column.type() == dev.ferry.emulator.schema.ColumnType.MONEY ? MONEY_MAX : DECIMAL_MAX;
                if (v.abs().compareTo(max) > 0) {
                    throw outOfRange(table, column, v.toPlainString());
                }
                // Dataverse rounds to the column's precision rather than refusing extra digits.
                return v.scale() > column.precision() ? v.setScale(column.precision(), java.math.RoundingMode.HALF_EVEN) : v;
            }
            case DOUBLE -> {
                if (!node.isNumber()) {
                    throw typeMismatch(table, prop, node, "Edm.Double");
                }
                return node.doubleValue();
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw typeMismatch(table, prop, node, "Edm.Boolean");
                }
                return node.booleanValue();
            }
            case DATETIME -> {
                String s = requireText(table, prop, node, "Edm.DateTimeOffset");
                try {
                    return OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.SECONDS);
                } catch (DateTimeParseException e) {
                    throw typeMismatch(table, prop, node, "Edm.DateTimeOffset");
                }
            }
            case DATEONLY -> {
                String s = requireText(table, prop, node, "Edm.Date");
                try {
                    return LocalDate.parse(s);
                } catch (DateTimeParseException e) {
                    throw typeMismatch(table, prop, node, "Edm.Date");
                }
            }
            case UNIQUEIDENTIFIER -> {
                String s = requireText(table, prop, node, "Edm.Guid");
                try {
                    if (s.length() != 36) {
                        throw new IllegalArgumentException(s);
                    }
                    return UUID.fromString(s);
                } catch (IllegalArgumentException e) {
                    throw typeMismatch(table, prop, node, "Edm.Guid");
                }
            }
            case MULTISELECTPICKLIST -> {
                String s = requireText(table, prop, node, "Edm.String");
                if (s.isEmpty()) {
                    return null;
                }
                int[] values;
                try {
                    values = Arrays.stream(s.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
                } catch (NumberFormatException e) {
                    throw typeMismatch(table, prop, node, "a comma-separated list of option values");
                }
                for (int v : values) {
                    requireOption(table, column, v);
                }
                return Arrays.stream(values).distinct().sorted().mapToObj(Integer::toString)
                        .collect(Collectors.joining(","));
            }
            case LOOKUP, CUSTOMER, OWNER -> throw new DataverseException(400, ErrorCodes.BAD_PAYLOAD,
                    "Lookup property '" + prop + "' of entity type 'Microsoft.Dynamics.CRM." + table.logicalName()
                            + "' is read-only: set it with '" + column.name() + "@odata.bind' (or the navigation"
                            + " property of the target) instead.");
            default -> throw new IllegalStateException("unhandled column type " + column.type());
        }
    }

    /**
     * Reads a URL literal (a key value or a {@code $filter} operand) for a column: strings come
     * unquoted with {@code quoted=true}; numbers, booleans, dates and guids unquoted.
     */
    public static Object fromLiteral(Table table, Column column, String literal, boolean quoted) {
        try {
            return switch (column.type()) {
                case STRING, MEMO, MULTISELECTPICKLIST -> {
                    if (!quoted) {
                        throw new IllegalArgumentException();
                    }
                    yield literal;
                }
                case INTEGER, PICKLIST, STATE, STATUS -> Integer.parseInt(unquoteIfNeeded(literal, quoted));
                case BIGINT -> Long.parseLong(unquoteIfNeeded(literal, quoted));
                case DECIMAL, MONEY -> new BigDecimal(stripSuffix(unquoteIfNeeded(literal, quoted), "M"));
                case DOUBLE -> Double.parseDouble(unquoteIfNeeded(literal, quoted));
                case BOOLEAN -> {
                    if (!literal.equals("true") && !literal.equals("false")) {
                        throw new IllegalArgumentException();
                    }
                    yield Boolean.parseBoolean(literal);
                }
                case DATETIME -> {
                    String s = unquoteIfNeeded(literal, quoted);
                    yield s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                            : OffsetDateTime.parse(s).toInstant().truncatedTo(ChronoUnit.SECONDS);
                }
                case DATEONLY -> LocalDate.parse(unquoteIfNeeded(literal, quoted));
                case UNIQUEIDENTIFIER, LOOKUP, CUSTOMER, OWNER -> {
                    String s = unquoteIfNeeded(literal, quoted);
                    if (s.length() != 36) {
                        throw new IllegalArgumentException();
                    }
                    yield UUID.fromString(s);
                }
            };
        } catch (RuntimeException e) {
            throw new DataverseException(400, ErrorCodes.BAD_REQUEST,
                    "Bad Request - Error in query syntax: the literal " + (quoted ? "'" + literal + "'" : literal)
                            + " is not a valid " + column.type().edmType() + " value for '" + column.propertyName()
                            + "' of '" + table.logicalName() + "'.");
        }
    }

    /**
     * The text Dataverse returns in {@code @OData.Community.Display.V1.FormattedValue}: option
     * labels, Yes/No, grouped numbers, currency, dates in the user's (here: en-US) format.
     */
    public static String formatted(Column column, Object value) {
        if (value == null) {
            return null;
        }
        return switch (column.type()) {
            case PICKLIST, STATE, STATUS -> column.options().getOrDefault((Integer) value, value.toString());
            case MULTISELECTPICKLIST -> Arrays.stream(((String) value).split(","))
                    .map(v -> column.options().getOrDefault(Integer.parseInt(v), v))
                    .collect(Collectors.joining("; "));
            case BOOLEAN -> ((Boolean) value) ? "Yes" : "No";
            case MONEY -> "$" + grouped(2).format(value);
            case DECIMAL -> grouped(column.precision()).format(value);
            case DOUBLE -> grouped(column.precision()).format(value);
            case INTEGER, BIGINT -> grouped(0).format(value);
            case DATETIME -> DateTimeFormatter.ofPattern("M/d/yyyy h:mm a", Locale.US)
                    .withZone(ZoneOffset.UTC).format((Instant) value);
            case DATEONLY -> DateTimeFormatter.ofPattern("M/d/yyyy", Locale.US).format((LocalDate) value);
            default -> null;
        };
    }

    private static DecimalFormat grouped(int decimals) {
        return new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.US));
    }

    /** A literal's text: quotes are already removed by the parser, so both forms read the same. */
    private static String unquoteIfNeeded(String literal, boolean quoted) {
        return literal;
    }

    private static String stripSuffix(String s, String suffix) {
        return s.endsWith(suffix) || s.endsWith(suffix.toLowerCase(Locale.ROOT)) ? s.substring(0, s.length() - 1) : s;
    }

    private static String requireText(Table table, String prop, JsonNode node, String edmType) {
        if (!node.isTextual()) {
            throw typeMismatch(table, prop, node, edmType);
        }
        return node.textValue();
    }

    private static int requireInt(Table table, String prop, JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw typeMismatch(table, prop, node, "Edm.Int32");
        }
        return node.intValue();
    }

    private static void requireOption(Table table, Column column, int value) {
        if (!column.options().isEmpty() && !column.options().containsKey(value)) {
            throw new DataverseException(400, ErrorCodes.VALUE_OUT_OF_RANGE,
                    "A validation error occurred. The value " + value + " of '" + column.name()
                            + "' on record of type '" + table.logicalName() + "' is outside the valid range. Accepted Values: "
                            + column.options().keySet().stream().sorted().map(String::valueOf)
                                    .collect(Collectors.joining(",")));
        }
    }

    private static DataverseException outOfRange(Table table, Column column, String value) {
        return new DataverseException(400, ErrorCodes.VALUE_OUT_OF_RANGE,
                "A validation error occurred. The value " + value + " of '" + column.name()
                        + "' on record of type '" + table.logicalName() + "' is outside the valid range.");
    }

    private static DataverseException typeMismatch(Table table, String prop, JsonNode node, String expected) {
        return new DataverseException(400, ErrorCodes.BAD_PAYLOAD,
                "Error identified in Payload provided by the user for Entity :'" + table.entitySetName()
                        + "'. Cannot convert the literal '" + node.asText() + "' to the expected type '" + expected
                        + "' for property '" + prop + "'.");
    }
}

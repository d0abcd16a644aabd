package dev.ferry.emulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration option: plain milliseconds ({@code 250}), a number with a unit ({@code 250ms},
 * {@code 30s}, {@code 5m}, {@code 1h}) or ISO-8601 ({@code PT5M}).
 */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = WITH_UNIT.matcher(v);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "ms" : m.group(2);
                return switch (unit) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofMillis(n);
                };
            }
            if (v.startsWith("p")) {
                Duration d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
                if (!d.isNegative()) {
                    return d;
                }
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new TypeConversionException(message(value) + " (" + e.getMessage() + ")");
        }
        throw new TypeConversionException(message(value));
    }

    private static String message(String value) {
        return "'" + value + "' is not a duration: give milliseconds (250), a number with a unit (250ms, 30s, 5m, 1h)"
                + " or ISO-8601 (PT5M)";
    }
}

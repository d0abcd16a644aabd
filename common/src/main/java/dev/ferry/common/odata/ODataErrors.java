package dev.ferry.common.odata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns a failed answer into an {@link ODataException}: the service's own error code and message
 * (OData's {@code {"error":{"code","message"}}}), the request it concerns, and whether it is
 * worth retrying (429, 408 and 5xx but 501 are; other 4xx are not).
 */
final class ODataErrors {

    /** How much of a non-JSON error body (a gateway's HTML page) goes into a message. */
    private static final int MAX_TEXT = 300;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int REQUEST_TIMEOUT = 408;
    private static final int NOT_IMPLEMENTED = 501;

    private final ObjectMapper mapper;

    ODataErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Whether an answer of that status may succeed when sent again. */
    static boolean retriable(int status) {
        return status == TOO_MANY_REQUESTS || status == REQUEST_TIMEOUT || (status >= 500 && status != NOT_IMPLEMENTED);
    }

    /**
     * @param context     the request, e.g. {@code PATCH contacts(…) on environment 'target'}
     * @param status      the HTTP status
     * @param retryAfter  the Retry-After header, or null
     * @param body        the answer's body, possibly empty
     */
    ODataException fromAnswer(String context, int status, String retryAfter, byte[] body) {
        String code = null;
        String message = null;
        if (body != null && body.length > 0) {
            try {
                JsonNode error = mapper.readTree(body).path("error");
                if (error.isObject()) {
                    code = textOrNull(error.get("code"));
                    code = code == null || code.isBlank() ? null : code;
                    message = textOrNull(error.get("message"));
                }
            } catch (IOException notJson) {
                // Not JSON (a proxy's or gateway's page): its text is the best message there is.
                message = null;
            }
            if (message == null) {
                String text = new String(body, StandardCharsets.UTF_8).strip();
                message = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
            }
        }
        if (message == null || message.isEmpty()) {
            message = "HTTP " + status + " without a message";
        }
        String full = context + ": " + message + " (HTTP " + status + (code == null ? "" : ", code " + code) + ")";
        return new ODataException(full, status, code, retriable(status), parseRetryAfter(retryAfter), null);
    }

    /** An exchange that got no answer (connection refused or reset, timeout). */
    static ODataException io(String context, Throwable cause) {
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != cause && root.getMessage() != null) {
            what = what + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return new ODataException(context + ": no answer: " + what, null, null, true, null, cause);
    }

    /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}

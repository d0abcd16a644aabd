package dev.ferry.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The coordinator's HTTP API as the launcher uses it (DESIGN.md, "Coordinator HTTP API"). Every assumption about
 * the shape of its JSON lives here, read tolerantly from Jackson trees (a field may have one of a few names, a
 * list may be an array or an object by name), so that a change of the coordinator's answers is adjusted here
 * only.
 */
final class CoordinatorClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Statuses after which a run no longer changes. */
    private static final Set<String> FINAL_STATUSES = Set.of("SUCCEEDED", "FAILED", "CANCELLED", "CANCELED");
    private static final String SUCCEEDED = "SUCCEEDED";

    private final String baseUrl;
    private final HttpClient http;

    CoordinatorClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    String baseUrl() {
        return baseUrl;
    }

    // ---- what the launcher reads ----

    /** A plan the coordinator accepted (the run's id) or refused (every problem). */
    record Submission(Optional<String> runId, String refusal, List<Problem> problems) {
        boolean accepted() {
            return runId.isPresent();
        }
    }

    /** One problem of a refused plan: where (a JSON pointer into the plan, {@code ""} for the whole) and what. */
    record Problem(String location, String message) {
    }

    /** A run and its tables, from {@code GET /migrations/{id}} or an item of {@code GET /migrations}. */
    record Run(String id, String name, String status, List<Table> tables, int tableCount, Optional<Instant> createdAt,
               Optional<Instant> finishedAt, Optional<String> failure, List<String> notes,
               long extracted, long loaded, long rejected) {

        boolean finished() {
            return FINAL_STATUSES.contains(status);
        }

        boolean succeeded() {
            return SUCCEEDED.equals(status);
        }

        /**
         * What to say of a table besides its counts: its own failure, unless it only repeats the run's (tables
         * cancelled because another failed carry the run's failure), or the parents it waits for.
         */
        Optional<String> noteOf(Table table) {
            if (table.failure().isPresent()) {
                String own = table.failure().get();
                boolean repeatsRun = failure.isPresent() && (own.contains(failure.get()) || failure.get().contains(own));
                if (!repeatsRun) {
                    return Optional.of(own);
                }
                return Optional.of("CANCELLED".equals(table.status()) ? "cancelled with the run" : "see the run's failure");
            }
            if (!table.waitingFor().isEmpty()) {
                return Optional.of("waits for " + String.join(", ", table.waitingFor()));
            }
            return Optional.empty();
        }
    }

    /** One table of a run; {@code waitingFor}: the parents it waits for, while it waits. */
    record Table(String name, String status, long extracted, long loaded, long rejected, List<String> waitingFor,
                 Optional<String> failure) {
    }

    /** The records the target refused, from {@code GET /migrations/{id}/errors}. */
    record ErrorReport(long total, List<RejectedRecord> records) {
    }

    /** One refused record: its table, its id in the source, and the target's reason. */
    record RejectedRecord(String table, String record, String reason) {
    }

    // ---- requests ----

    /** {@code POST /migrations} with the plan's JSON. */
    Submission submit(String planJson) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/migrations"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(planJson, StandardCharsets.UTF_8)));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            JsonNode body = parseOrEmpty(response.body());
            Optional<String> id = text(body, "id", "runId", "migrationId")
                    .or(() -> response.headers().firstValue("Location").map(CoordinatorClient::lastSegment));
            if (id.isEmpty()) {
                throw LauncherException.failed("The coordinator at " + baseUrl + " accepted the plan (HTTP " + status
                        + ") but its answer names no run: " + abbreviate(response.body())
                        + ". Look for the run with ./ferry status.");
            }
            return new Submission(id, "", List.of());
        }
        if (status == 400 || status == 422) {
            JsonNode body = parseOrEmpty(response.body());
            return new Submission(Optional.empty(), problemSummary(body, response.body()), problems(body));
        }
        throw unexpected("POST /migrations", response);
    }

    /** {@code GET /migrations/{id}}. */
    Run run(String runId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/migrations/" + encode(runId)))
                .header("Accept", "application/json").GET());
        if (response.statusCode() == 404) {
            throw LauncherException.failed("The coordinator at " + baseUrl + " has no run '" + runId
                    + "': list the runs with ./ferry status.");
        }
        if (response.statusCode() == 503) {
            throw notReady(response);
        }
        if (response.statusCode() != 200) {
            throw unexpected("GET /migrations/" + runId, response);
        }
        return readRun(parse(response.body(), "GET /migrations/" + runId), runId);
    }

    /** {@code GET /migrations}: every run the coordinator knows, as it orders them. */
    List<Run> runs() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/migrations"))
                .header("Accept", "application/json").GET());
        if (response.statusCode() == 503) {
            throw notReady(response);
        }
        if (response.statusCode() != 200) {
            throw unexpected("GET /migrations", response);
        }
        JsonNode body = parse(response.body(), "GET /migrations");
        List<Run> runs = new ArrayList<>();
        for (JsonNode item : elements(body, "runs", "migrations", "items", "content", "data")) {
            runs.add(readRun(item, "?"));
        }
        return runs;
    }

    /** {@code GET /migrations/{id}/errors}, the first {@code limit}; empty when the coordinator has no such report. */
    ErrorReport errors(String runId, int limit) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/migrations/" + encode(runId) + "/errors?limit=" + limit))
                .header("Accept", "application/json").GET());
        if (response.statusCode() == 404) {
            return new ErrorReport(0, List.of());
        }
        if (response.statusCode() != 200) {
            throw unexpected("GET /migrations/" + runId + "/errors", response);
        }
        JsonNode body = parse(response.body(), "GET /migrations/" + runId + "/errors");
        List<RejectedRecord> records = new ArrayList<>();
        for (JsonNode item : elements(body, "errors", "records", "deadLetters", "rejected", "items")) {
            records.add(new RejectedRecord(
                    text(item, "table", "entitySet", "tableName").orElse("?"),
                    text(item, "recordId", "record", "key", "id", "sourceId").orElse("?"),
                    text(item, "reason", "message", "error", "detail").orElse("(no reason given)")));
        }
        long total = number(body, "total", "count", "totalCount").orElse((long) records.size());
        return new ErrorReport(Math.max(total, records.size()), records);
    }

    // ---- reading a run ----

    private static Run readRun(JsonNode node, String fallbackId) {
        List<Table> tables = new ArrayList<>();
        JsonNode tablesNode = node.path("tables");
        if (tablesNode.isObject()) {
            for (Map.Entry<String, JsonNode> field : tablesNode.properties()) {
                tables.add(readTable(field.getValue(), Optional.of(field.getKey())));
            }
        } else if (tablesNode.isArray()) {
            for (JsonNode table : tablesNode) {
                tables.add(readTable(table, Optional.empty()));
            }
        }
        // A history item counts its tables and totals them; a run's own view lists them (and may total them).
        int tableCount = tablesNode.isNumber() ? tablesNode.asInt() : tables.size();
        long extracted = total(node, "extracted", tables, Table::extracted);
        long loaded = total(node, "loaded", tables, Table::loaded);
        long rejected = total(node, "rejected", tables, Table::rejected);
        List<String> notes = new ArrayList<>();
        node.path("notes").forEach(n -> notes.add(n.asText()));
        return new Run(
                text(node, "id", "runId", "migrationId").orElse(fallbackId),
                text(node, "name", "planName").or(() -> text(node.path("plan"), "name")).orElse(""),
                status(node),
                tables,
                tableCount,
                instant(node, "createdAt", "created", "acceptedAt", "startedAt"),
                instant(node, "finishedAt", "completedAt", "endedAt"),
                text(node, "failure", "error", "reason", "message"),
                notes, extracted, loaded, rejected);
    }

    /** A table of an object by name ({@code key}), or an item of an array that names itself. */
    private static Table readTable(JsonNode node, Optional<String> key) {
        String name = key.or(() -> text(node, "table", "entitySet", "name")).orElse("?");
        List<String> waitingFor = new ArrayList<>();
        node.path("waitingFor").forEach(parent -> waitingFor.add(parent.asText()));
        return new Table(name, status(node),
                count(node, "extracted"), count(node, "loaded"), count(node, "rejected"), waitingFor,
                text(node, "failure", "error", "reason"));
    }

    /** The run's own total of a count when it gives one, else the sum over its tables. */
    private static long total(JsonNode node, String field, List<Table> tables, java.util.function.ToLongFunction<Table> count) {
        return number(node, field).or(() -> number(node.path("counts"), field))
                .orElseGet(() -> tables.stream().mapToLong(count).sum());
    }

    private static String status(JsonNode node) {
        return text(node, "status", "state").map(s -> s.toUpperCase(Locale.ROOT)).orElse("UNKNOWN");
    }

    /** A count as a field of the node, or of its {@code counts} or {@code progress} object; 0 when absent. */
    private static long count(JsonNode node, String field) {
        return number(node, field)
                .or(() -> number(node.path("counts"), field))
                .or(() -> number(node.path("progress"), field))
                .orElse(0L);
    }

    // ---- reading a refusal (application/problem+json) ----

    private static List<Problem> problems(JsonNode body) {
        List<Problem> problems = new ArrayList<>();
        for (String field : List.of("problems", "errors", "violations")) {
            for (JsonNode item : body.path(field)) {
                if (item.isTextual()) {
                    problems.add(new Problem("", item.asText()));
                } else {
                    problems.add(new Problem(text(item, "location", "pointer", "field", "path").orElse(""),
                            text(item, "message", "detail", "title").orElse(item.toString())));
                }
            }
            if (!problems.isEmpty()) {
                break;
            }
        }
        return problems;
    }

    private static String problemSummary(JsonNode body, String raw) {
        Optional<String> title = text(body, "title");
        Optional<String> detail = text(body, "detail");
        if (title.isPresent() && detail.isPresent() && !detail.get().equals(title.get())) {
            return title.get() + ": " + detail.get();
        }
        return title.or(() -> detail).orElse(raw.isBlank() ? "the plan was refused" : abbreviate(raw));
    }

    // ---- tolerant field access ----

    private static Optional<String> text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isValueNode() && !value.isNull() && !value.asText().isEmpty()) {
                return Optional.of(value.asText());
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> number(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isNumber()) {
                return Optional.of(value.asLong());
            }
            if (value.isTextual()) {
                try {
                    return Optional.of(Long.parseLong(value.asText().trim()));
                } catch (NumberFormatException e) {
                    // not a count: try the next name
                }
            }
        }
        return Optional.empty();
    }

    /** An instant written as ISO-8601 text or as epoch seconds (Jackson's numeric form). */
    private static Optional<Instant> instant(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isNumber()) {
                BigDecimal seconds = value.decimalValue();
                return Optional.of(Instant.ofEpochSecond(seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue()));
            }
            if (value.isTextual()) {
                try {
                    return Optional.of(Instant.parse(value.asText()));
                } catch (DateTimeParseException e) {
                    // not an instant: try the next name
                }
            }
        }
        return Optional.empty();
    }

    /** The items of an array body, or of the first of {@code fields} of an object body that is an array. */
    private static List<JsonNode> elements(JsonNode body, String... fields) {
        JsonNode array = body;
        if (!body.isArray()) {
            array = null;
            for (String field : fields) {
                if (body.path(field).isArray()) {
                    array = body.path(field);
                    break;
                }
            }
        }
        List<JsonNode> items = new ArrayList<>();
        if (array != null) {
            array.forEach(items::add);
        }
        return items;
    }

    // ---- HTTP ----

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(REQUEST_TIMEOUT).build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw notRunning();
        } catch (IOException e) {
            if (e.getCause() instanceof ConnectException) {
                throw notRunning();
            }
            throw LauncherException.failed("The coordinator at " + baseUrl + " did not answer " + built.method() + " "
                    + built.uri().getPath() + " (" + e + "): check its log, .ferry/logs/coordinator.log.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LauncherException.failed("Interrupted while calling the coordinator at " + baseUrl + ".");
        }
    }

    /** The error of a coordinator that does not listen: the stack is not running. */
    LauncherException notRunning() {
        return new LauncherException(ExitCodes.NOT_RUNNING,
                "No coordinator at " + baseUrl + ": start the stack with ./ferry up");
    }

    /** A coordinator that listens but cannot answer yet (it is rebuilding its runs from Kafka): try again. */
    private LauncherException notReady(HttpResponse<String> response) {
        String detail = text(parseOrEmpty(response.body()), "detail", "title").orElse("HTTP 503");
        return new LauncherException(ExitCodes.NOT_RUNNING, "The coordinator at " + baseUrl + " is not ready yet ("
                + detail + "): try again in a moment.");
    }

    private LauncherException unexpected(String what, HttpResponse<String> response) {
        JsonNode body = parseOrEmpty(response.body());
        String detail = text(body, "detail", "title", "message").orElse(abbreviate(response.body()));
        return LauncherException.failed("The coordinator at " + baseUrl + " answered " + what + " with HTTP "
                + response.statusCode() + (detail.isBlank() ? "" : ": " + detail)
                + ". Check its log, .ferry/logs/coordinator.log.");
    }

    private JsonNode parse(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw LauncherException.failed("The coordinator at " + baseUrl + " answered " + what
                    + " with something that is not JSON: " + abbreviate(body)
                    + ". Is another program listening on its port?", e);
        }
    }

    private static JsonNode parseOrEmpty(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String lastSegment(String location) {
        String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String abbreviate(String text) {
        String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}

package dev.ferry.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/** The coordinator's HTTP API, as a user's script calls it (DESIGN.md, "Coordinator HTTP API"). */
final class CoordinatorClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
    private static final int ERRORS_PAGE = 1000;

    private final HttpClient http;
    private final String origin;

    CoordinatorClient(HttpClient http, String origin) {
        this.http = http;
        this.origin = origin;
    }

    /** An answer: status, content type and body (JSON, or {@code null} when empty). */
    record Answer(int status, String contentType, JsonNode body) {
    }

    /** {@code POST /migrations}: whatever the coordinator answers. */
    Answer submit(JsonNode plan) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(origin + "/migrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(plan))));
    }

    /** {@code POST /migrations/validate}: the dry run's report, which must be answered 200. */
    JsonNode validate(JsonNode plan) throws IOException, InterruptedException {
        Answer answer = send(HttpRequest.newBuilder(URI.create(origin + "/migrations/validate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(plan))));
        if (answer.status() != 200) {
            throw new IllegalStateException("POST /migrations/validate answered " + answer.status() + ": "
                    + answer.body());
        }
        return answer.body();
    }

    /** Submits a plan that must be accepted; returns the run id. */
    String start(JsonNode plan) throws IOException, InterruptedException {
        Answer answer = submit(plan);
        if (answer.status() != 202) {
            throw new IllegalStateException("the plan was not accepted: " + answer.status() + " " + answer.body());
        }
        return answer.body().get("runId").asText();
    }

    /** {@code GET /migrations/{id}}. */
    JsonNode run(String runId) throws IOException, InterruptedException {
        Answer answer = send(HttpRequest.newBuilder(URI.create(origin + "/migrations/" + runId)).GET());
        if (answer.status() != 200) {
            throw new IllegalStateException("GET /migrations/" + runId + " answered " + answer.status() + ": "
                    + answer.body());
        }
        return answer.body();
    }

    /** Polls the run until it has one of {@code statuses}; the failure message shows the run as last seen. */
    JsonNode awaitStatus(String runId, Set<String> statuses, Duration timeout) {
        return awaitRun(runId, "in " + statuses, run -> statuses.contains(run.path("status").asText()), timeout);
    }

    /** Polls the run until {@code condition} holds; the failure message shows the run as last seen. */
    JsonNode awaitRun(String runId, String description, Predicate<JsonNode> condition, Duration timeout) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            await("run " + runId + " " + description).atMost(timeout).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        JsonNode run = run(runId);
                        last.set(run);
                        return condition.test(run);
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("run " + runId + " not " + description + " within " + timeout
                    + "; last seen: " + last.get(), e);
        }
        return last.get();
    }

    /** Polls the run until it has finished (succeeded, failed or cancelled). */
    JsonNode awaitFinished(String runId, Duration timeout) {
        return awaitStatus(runId, FINISHED, timeout);
    }

    /** Every dead letter of the run ({@code GET /migrations/{id}/errors}, all pages). */
    List<JsonNode> errors(String runId) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        long total;
        do {
            Answer answer = send(HttpRequest.newBuilder(URI.create(origin + "/migrations/" + runId
                    + "/errors?offset=" + items.size() + "&limit=" + ERRORS_PAGE)).GET());
            if (answer.status() != 200) {
                throw new IllegalStateException("GET errors of " + runId + " answered " + answer.status() + ": "
                        + answer.body());
            }
            total = answer.body().path("total").asLong();
            JsonNode page = answer.body().path("items");
            page.forEach(items::add);
            if (page.isEmpty()) {
                break;
            }
        } while (items.size() < total);
        return items;
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = answer.body();
        return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""),
                body == null || body.isBlank() ? null : JSON.readTree(body));
    }
}

package dev.ferry.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in coordinator on the JDK's HTTP server: answers are set per path; {@code GET /migrations/{id}} answers
 * the queued states one per request, repeating the last.
 */
final class FakeCoordinator implements AutoCloseable {
    /** A canned answer. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> requestCounts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<String> runStates = new ConcurrentLinkedDeque<>();
    private final AtomicReference<String> runPath = new AtomicReference<>("");
    final List<String> postedBodies = Collections.synchronizedList(new ArrayList<>());

    FakeCoordinator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FakeCoordinator answer(String method, String path, Answer answer) {
        answers.put(method + " " + path, answer);
        return this;
    }

    /** The states {@code GET /migrations/{runId}} answers, one per request, the last repeated. */
    FakeCoordinator runStates(String runId, String... states) {
        runPath.set("/migrations/" + runId);
        runStates.clear();
        runStates.addAll(List.of(states));
        return this;
    }

    /** How many requests {@code key} ("GET /path") got. */
    int requests(String key) {
        return requestCounts.getOrDefault(key, 0);
    }

    /** Drops a canned answer: the path answers as before it was set. */
    void forget(String method, String path) {
        answers.remove(method + " " + path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        requestCounts.merge(key, 1, Integer::sum);
        if (exchange.getRequestMethod().equals("POST")) {
            postedBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        }
        Answer answer = answers.get(key);
        if (answer == null && key.equals("GET " + runPath.get()) && !runStates.isEmpty()) {
            String state = runStates.size() > 1 ? runStates.pollFirst() : runStates.peekFirst();
            answer = Answer.json(200, state);
        }
        if (answer == null) {
            answer = new Answer(404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404}", Map.of());
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.ferry.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits until every process of a group is ready: its log has its ready line, or its health check answers
 * 200. Fails as soon as one of them exits, or when the time is up, with the tail of its log.
 */
final class ReadinessWaiter {
    /** How often the logs and health checks are looked at. */
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration HEALTH_REQUEST_TIMEOUT = Duration.ofSeconds(2);
    /** Lines of a log shown when its process failed to start. */
    static final int TAIL_LINES = 25;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HEALTH_REQUEST_TIMEOUT).build();
    private final Workspace workspace;

    ReadinessWaiter(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Returns once all of {@code processes} are ready; throws a {@link LauncherException} otherwise. */
    void awaitAll(List<DetachedProcess> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<DetachedProcess, LogFollower> followers = new HashMap<>();
        for (DetachedProcess p : processes) {
            p.component().readyLine().ifPresent(regex -> followers.put(p, new LogFollower(p.log(), regex)));
        }
        List<DetachedProcess> pending = new ArrayList<>(processes);
        while (true) {
            for (DetachedProcess p : List.copyOf(pending)) {
                if (isReady(p, followers.get(p))) {
                    pending.remove(p);
                } else if (!p.process().isAlive()) {
                    throw notReady(p, p.component().name() + " exited with status " + p.process().exitValue()
                            + " before it was ready");
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                DetachedProcess first = pending.get(0);
                throw notReady(first, first.component().name() + " was not ready within " + timeout.toSeconds() + " s");
            }
            pause();
        }
    }

    private boolean isReady(DetachedProcess p, LogFollower follower) {
        if (follower != null) {
            return follower.found();
        }
        return p.component().healthUrl().map(this::answersOk).orElse(true);
    }

    private boolean answersOk(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(HEALTH_REQUEST_TIMEOUT).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LauncherException.failed("Interrupted while waiting for " + url);
        }
    }

    private LauncherException notReady(DetachedProcess p, String what) {
        return LauncherException.failed(what + ". The end of its log (" + workspace.display(p.log()) + "):\n"
                + indent(LogTail.of(p.log(), TAIL_LINES)) + "\nFix the cause above and run the command again.");
    }

    private static String indent(String text) {
        return text.lines().map(line -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LauncherException.failed("Interrupted while waiting for the stack to start.");
        }
    }
}

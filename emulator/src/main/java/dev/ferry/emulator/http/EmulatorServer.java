package dev.ferry.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.admin.AdminHandler;
import dev.ferry.emulator.protect.ConnectionReset;
import dev.ferry.emulator.protect.RequestGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP front of an emulated environment on the JDK's own server (no framework, so it runs
 * inside any test JVM): the Web API under {@code /api/data/v9.2/}, admin endpoints under
 * {@code /_emulator/}.
 */
public final class EmulatorServer implements AutoCloseable {
    public static final String SERVICE_PATH = "/api/data/v9.2/";
    public static final String ADMIN_PATH = "/_emulator/";
    private static final Logger LOG = Logger.getLogger(EmulatorServer.class.getName());
    /** Read once, when the JDK server's configuration class loads, i.e. before the first server starts. */
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server leaves Nagle's algorithm on unless told otherwise; it writes headers and
        // body separately, so every answer would wait ~40 ms for the client's delayed ACK.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final WebApi api;
    private final RequestGuard guard;
    private final AdminHandler admin;
    private final String serviceRoot;

    public EmulatorServer(EmulatorContext context) throws IOException {
        this.api = new WebApi(context);
        this.guard = new RequestGuard(context);
        this.admin = new AdminHandler(context);
        InetSocketAddress address = new InetSocketAddress(context.options().host(), context.options().port());
        try {
            this.server = HttpServer.create(address, 1024);
        } catch (java.net.BindException e) {
            throw new IOException("cannot listen on " + address + ": the port is in use; choose another with --port", e);
        }
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(context.options().threads(), r -> {
            Thread t = new Thread(r, "emulator-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        this.serviceRoot = "http://" + context.options().host() + ":" + server.getAddress().getPort() + SERVICE_PATH;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** e.g. {@code http://127.0.0.1:5551/api/data/v9.2/} */
    public String serviceRoot() {
        return serviceRoot;
    }

    public String adminRoot() {
        return "http://" + server.getAddress().getHostString() + ":" + port() + ADMIN_PATH;
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            ApiRequest request = toRequest(exchange, rawPath);
            ApiResponse response;
            if (rawPath.startsWith(ADMIN_PATH)) {
                response = safely(() -> admin.handle(request, request.path()));
            } else if (rawPath.startsWith(SERVICE_PATH) || (rawPath + "/").equals(SERVICE_PATH)) {
                try {
                    response = guard.around(request, () -> api.handle(request));
                } catch (ConnectionReset reset) {
                    resetConnection(exchange);
                    return;
                }
            } else {
                response = ApiResponse.error(new DataverseException(404, ErrorCodes.BAD_REQUEST,
                        "No service at '" + rawPath + "': the Web API is at " + SERVICE_PATH
                                + " and the emulator's admin endpoints at " + ADMIN_PATH));
            }
            send(exchange, response);
        } catch (IOException e) {
            // The client went away mid-answer: nothing left to tell it.
            LOG.log(Level.FINE, "client connection closed early", e);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "emulator failed to answer " + exchange.getRequestURI(), e);
        }
    }

    private static ApiResponse safely(java.util.function.Supplier<ApiResponse> handler) {
        try {
            return handler.get();
        } catch (DataverseException e) {
            return ApiResponse.error(e);
        }
    }

    private ApiRequest toRequest(HttpExchange exchange, String rawPath) throws IOException {
        String below;
        if (rawPath.startsWith(ADMIN_PATH)) {
            below = rawPath.substring(ADMIN_PATH.length());
        } else if (rawPath.startsWith(SERVICE_PATH)) {
            below = rawPath.substring(SERVICE_PATH.length());
        } else {
            below = "";
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
        String caller = exchange.getRequestHeaders().getFirst("Authorization");
        if (caller == null) {
            caller = exchange.getRemoteAddress().getAddress().getHostAddress();
        }
        return new ApiRequest(exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT),
                decode(below), parseQuery(exchange.getRequestURI().getRawQuery()), headers, body, serviceRoot, caller);
    }

    /** Decodes a raw query string into options; a repeated option keeps its last value. */
    public static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQueryValue(pair.substring(eq + 1));
            query.put(name, value);
        }
        return query;
    }

    private static String decode(String s) {
        // Paths keep '+' literally; only %-escapes are decoded.
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String decodeQueryValue(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, ApiResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        if (response.stream() != null) {
            exchange.sendResponseHeaders(response.status(), 0);
            try (OutputStream out = exchange.getResponseBody()) {
                response.stream().writeTo(out);
            }
            return;
        }
        byte[] body = response.body();
        boolean empty = body.length == 0 || head || response.status() == 204;
        exchange.sendResponseHeaders(response.status(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Drops the connection with no answer, as a failing network or load balancer would. */
    private static void resetConnection(HttpExchange exchange) {
        // Closing the exchange before sending headers makes the JDK server close the socket.
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

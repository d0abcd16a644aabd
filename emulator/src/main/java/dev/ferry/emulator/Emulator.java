package dev.ferry.emulator;

import dev.ferry.emulator.http.EmulatorServer;
import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.seed.Seeder;
import dev.ferry.emulator.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * An emulated Dataverse environment: a schema, in-memory data and the Web API over HTTP.
 * Embed it in a test with {@code Emulator.start(options)} and close it when done.
 */
public final class Emulator implements AutoCloseable {
    private final EmulatorContext context;
    private final EmulatorServer server;

    private Emulator(EmulatorContext context, EmulatorServer server) {
        this.context = context;
        this.server = server;
    }

    /** Builds the schema's storage, seeds it as the options say and starts serving. */
    public static Emulator start(EmulatorOptions options) {
        Store store = new Store(options.schema(), Clock.systemUTC());
        EmulatorContext context = new EmulatorContext(options, options.schema(), store, new RequestCounters());
        if (!options.seed().isEmpty()) {
            new Seeder(store, options.randomSeed()).seed(options.seed());
        }
        try {
            return new Emulator(context, new EmulatorServer(context));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The OData service root, e.g. {@code http://127.0.0.1:5551/api/data/v9.2/}. */
    public String baseUrl() {
        return server.serviceRoot();
    }

    /** The root of the admin endpoints, e.g. {@code http://127.0.0.1:5551/_emulator/}. */
    public String adminUrl() {
        return server.adminRoot();
    }

    public int port() {
        return server.port();
    }

    public Schema schema() {
        return context.schema();
    }

    public Store store() {
        return context.store();
    }

    public RequestCounters counters() {
        return context.counters();
    }

    @Override
    public void close() {
        server.close();
    }
}

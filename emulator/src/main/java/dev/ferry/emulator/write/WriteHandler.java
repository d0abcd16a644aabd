package dev.ferry.emulator.write;

import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.ResourcePath;
import dev.ferry.emulator.http.WebApi;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.store.Transaction;

/** Answers POST, PATCH and DELETE on an entity set: create, upsert, delete, N:N $ref and bulk actions. */
public final class WriteHandler {
    private final EmulatorContext context;

    public WriteHandler(EmulatorContext context) {
        this.context = context;
    }

    public ApiResponse handle(ApiRequest request, ResourcePath path, Table table, Transaction tx) {
        throw WebApi.notImplemented(request.method() + " " + path.shape() + " yet");
    }
}

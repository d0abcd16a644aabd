package dev.ferry.emulator.query;

import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.ResourcePath;
import dev.ferry.emulator.http.WebApi;
import dev.ferry.emulator.schema.Table;

/** Answers GET on an entity set: collections with query options and paging, single rows, N:N navigation. */
public final class ReadHandler {
    private final EmulatorContext context;

    public ReadHandler(EmulatorContext context) {
        this.context = context;
    }

    public ApiResponse handle(ApiRequest request, ResourcePath path, Table table) {
        throw WebApi.notImplemented("GET " + path.shape() + " yet");
    }
}

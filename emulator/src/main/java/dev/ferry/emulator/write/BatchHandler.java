package dev.ferry.emulator.write;

import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.WebApi;

/** Answers {@code POST $batch}: multipart/mixed with atomic change sets. */
public final class BatchHandler {
    private final EmulatorContext context;
    private final WebApi api;

    public BatchHandler(EmulatorContext context, WebApi api) {
        this.context = context;
        this.api = api;
    }

    public ApiResponse handle(ApiRequest request) {
        throw WebApi.notImplemented("$batch yet");
    }
}

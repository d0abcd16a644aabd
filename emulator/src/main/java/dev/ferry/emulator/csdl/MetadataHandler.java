package dev.ferry.emulator.csdl;

import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.WebApi;

/** Serves {@code $metadata} (CSDL) and the service document. */
public final class MetadataHandler {
    private final EmulatorContext context;

    public MetadataHandler(EmulatorContext context) {
        this.context = context;
    }

    public ApiResponse handle(ApiRequest request) {
        throw WebApi.notImplemented("$metadata yet");
    }

    public ApiResponse serviceDocument(ApiRequest request) {
        throw WebApi.notImplemented("the service document yet");
    }
}

package dev.ferry.emulator.csdl;

import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.ResourcePath;
import dev.ferry.emulator.http.WebApi;

/** Serves the metadata entity sets: EntityDefinitions with Attributes, and relationship definitions. */
public final class EntityDefinitionsHandler {
    private final EmulatorContext context;

    public EntityDefinitionsHandler(EmulatorContext context) {
        this.context = context;
    }

    public ApiResponse handle(ApiRequest request, ResourcePath path) {
        throw WebApi.notImplemented(path.shape() + " yet");
    }
}

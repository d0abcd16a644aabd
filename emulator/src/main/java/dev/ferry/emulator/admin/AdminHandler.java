package dev.ferry.emulator.admin;

import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.DataverseException;

/** The emulator's own endpoints under {@code /_emulator/}: counts, exports, reset, counters. */
public final class AdminHandler {
    private final EmulatorContext context;

    public AdminHandler(EmulatorContext context) {
        this.context = context;
    }

    /** @param path the path below {@code /_emulator/} */
    public ApiResponse handle(ApiRequest request, String path) {
        throw new DataverseException(501, "0x8004d293", "admin endpoint " + path + " not built yet");
    }
}

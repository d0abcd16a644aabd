package dev.ferry.loader;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** An empty crm emulator as the environment {@code target} of the loader under test. */
public final class TargetEmulatorResource implements QuarkusTestResourceLifecycleManager {

    private Emulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = Emulator.start(EmulatorOptions.defaults());
        return Map.of("ferry.environments.target.url", emulator.baseUrl(),
                "ferry.environments.target.auth", "none");
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}

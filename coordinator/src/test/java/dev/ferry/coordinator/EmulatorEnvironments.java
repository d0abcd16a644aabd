package dev.ferry.coordinator;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Two emulated Dataverse environments with the crm schema: {@value #SOURCE}, seeded with a few
 * rows, and {@value #TARGET}, empty. The coordinator reads only their {@code $metadata}.
 */
public class EmulatorEnvironments implements QuarkusTestResourceLifecycleManager {

    public static final String SOURCE = "source";
    public static final String TARGET = "target";

    private Emulator source;
    private Emulator target;

    @Override
    public Map<String, String> start() {
        source = Emulator.start(EmulatorOptions.defaults().seed(Map.of("systemuser", 2, "account", 5, "contact", 5)));
        target = Emulator.start(EmulatorOptions.defaults());
        return Map.of(
                "ferry.environments." + SOURCE + ".url", source.baseUrl(),
                "ferry.environments." + SOURCE + ".auth", "none",
                "ferry.environments." + TARGET + ".url", target.baseUrl(),
                "ferry.environments." + TARGET + ".auth", "none");
    }

    @Override
    public void stop() {
        if (source != null) {
            source.close();
        }
        if (target != null) {
            target.close();
        }
    }
}

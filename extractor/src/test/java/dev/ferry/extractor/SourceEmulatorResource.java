package dev.ferry.extractor;

import dev.ferry.emulator.Emulator;
import dev.ferry.emulator.EmulatorOptions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts an emulated Dataverse source with {@value #ACCOUNTS} accounts and configures it as environment {@value #ENVIRONMENT}. */
public class SourceEmulatorResource implements QuarkusTestResourceLifecycleManager {

    static final String ENVIRONMENT = "source";
    static final int ACCOUNTS = 12_000;

    private Emulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = Emulator.start(EmulatorOptions.defaults().seed(Map.of("account", ACCOUNTS)));
        return Map.of("ferry.environments." + ENVIRONMENT + ".url", emulator.baseUrl(),
                "ferry.environments." + ENVIRONMENT + ".auth", "none");
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}

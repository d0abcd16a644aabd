package dev.ferry.coordinator.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the runs were rebuilt from {@code ferry.runs}: before that the API cannot answer about them. */
@Readiness
@ApplicationScoped
public class RunStoreReadiness implements HealthCheck {

    private final RunRegistry registry;

    @Inject
    public RunStoreReadiness(RunRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("ferry-runs").status(registry.isReady()).build();
    }
}

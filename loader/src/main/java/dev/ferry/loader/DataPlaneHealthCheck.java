package dev.ferry.loader;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/** Live while the data plane's consumer thread runs: a loader whose thread died loads nothing and should be restarted. */
@Liveness
@Singleton
public class DataPlaneHealthCheck implements HealthCheck {

    @Inject
    LoaderRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("ferry-loader-data-plane");
        DataPlane plane = runtime.dataPlane();
        if (plane == null) {
            return response.down().withData("state", "not started").build();
        }
        if (!plane.isAlive()) {
            response.down().withData("state", "stopped");
            plane.failure().ifPresent(failure -> response.withData("failure", failure.toString()));
            return response.build();
        }
        return response.up().build();
    }
}

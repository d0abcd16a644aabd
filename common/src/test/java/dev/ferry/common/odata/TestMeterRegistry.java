package dev.ferry.common.odata;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * A registry that keeps what is recorded: without one (the services have Prometheus's) Quarkus's
 * global composite registry records nothing. Quarkus adds produced registries to the composite.
 */
public class TestMeterRegistry {

    @Produces
    @Singleton
    SimpleMeterRegistry simpleMeterRegistry() {
        return new SimpleMeterRegistry();
    }
}

package dev.ferry.extractor;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * The connection settings of the extractor's own Kafka clients: every {@code kafka.*} property
 * (bootstrap servers, security), the same the SmallRye channels use.
 */
@ApplicationScoped
public class KafkaSettings {

    private final Map<String, Object> connection;

    @Inject
    public KafkaSettings(@Identifier("default-kafka-broker") Map<String, Object> connection) {
        this.connection = Map.copyOf(connection);
    }

    /** A fresh, mutable copy of the connection settings, to add a client's own settings to. */
    public Map<String, Object> connection() {
        return new HashMap<>(connection);
    }
}

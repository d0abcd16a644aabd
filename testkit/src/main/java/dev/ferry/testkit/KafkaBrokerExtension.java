package dev.ferry.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension giving tests the JVM's shared in-process Kafka broker.
 *
 * <p>Before the test class runs it starts the broker (once per JVM, see
 * {@link SharedKafkaBroker}) and sets the system property {@value #BOOTSTRAP_SERVERS_PROPERTY}.
 * Tests read the address from {@link #bootstrapServers()} or from a parameter annotated
 * {@link BootstrapServers}:
 *
 * <pre>{@code
 * @ExtendWith(KafkaBrokerExtension.class)
 * class OrdersTest {
 *     @Test
 *     void publishesAnOrder(@BootstrapServers String bootstrapServers) { ... }
 * }
 * }</pre>
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

    /** The system property (and Quarkus/SmallRye configuration key) that receives the broker's address. */
    public static final String BOOTSTRAP_SERVERS_PROPERTY = "kafka.bootstrap.servers";

    /** The shared broker's address, starting the broker if needed. */
    public static String bootstrapServers() {
        return SharedKafkaBroker.bootstrapServers();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty(BOOTSTRAP_SERVERS_PROPERTY, bootstrapServers());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.isAnnotated(BootstrapServers.class)
                && parameterContext.getParameter().getType() == String.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return bootstrapServers();
    }
}

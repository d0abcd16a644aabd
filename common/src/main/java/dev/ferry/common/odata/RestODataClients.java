package dev.ferry.common.odata;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.common.odata.FerryEnvironmentsConfig.AuthMode;
import dev.ferry.common.odata.FerryEnvironmentsConfig.EnvironmentConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The {@link ODataClients} of a service: one {@link ODataClient} per configured environment
 * ({@code ferry.environments.<name>.*}), built on first use and kept. Inject it as
 * {@code @Inject ODataClients clients} and call {@code clients.client("source")}.
 */
@ApplicationScoped
public class RestODataClients implements ODataClients {

    private static final Logger LOG = Logger.getLogger(RestODataClients.class);

    private final FerryEnvironmentsConfig environments;
    private final ODataClientConfig config;
    private final MeterRegistry registry;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, ODataClient> clients = new ConcurrentHashMap<>();

    @Inject
    public RestODataClients(FerryEnvironmentsConfig environments, ODataClientConfig config, MeterRegistry registry) {
        this.environments = environments;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Says at startup which environments this service knows and flags wrong ones, so that a typo shows
     * before the first run needs it. It does not fail the start: a service may hold environments it
     * never uses, and {@link #client(String)} refuses a wrong one with the same message. No secret is logged.
     */
    void describeEnvironments(@Observes StartupEvent start) {
        if (environments.environments().isEmpty()) {
            LOG.info("No OData environment is configured (ferry.environments.<name>.url)");
        }
        environments.environments().forEach((name, environment) -> {
            try {
                EnvironmentSettings settings = EnvironmentSettings.of(name, environment);
                if (settings.auth() == AuthMode.NONE || settings.auth() == AuthMode.BEARER) {
                    LOG.infof("OData environment '%s': %s (auth %s)", name, settings.serviceRoot(), authName(settings.auth()));
                } else {
                    LOG.errorf("OData environment '%s': %s", name, unsupportedAuth(settings).getMessage());
                }
            } catch (IllegalArgumentException e) {
                LOG.errorf("OData environment '%s' is misconfigured: %s", name, e.getMessage());
            }
        });
    }

    @Override
    public ODataClient client(String environment) {
        ODataClient existing = clients.get(environment);
        if (existing != null) {
            return existing;
        }
        EnvironmentConfig environmentConfig = environments.environments().get(environment);
        if (environmentConfig == null) {
            throw new UnknownEnvironmentException(environment, environments());
        }
        return clients.computeIfAbsent(environment, name -> build(EnvironmentSettings.of(name, environmentConfig)));
    }

    @Override
    public Set<String> environments() {
        return Collections.unmodifiableSet(new TreeSet<>(environments.environments().keySet()));
    }

    private ODataClient build(EnvironmentSettings settings) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(settings.serviceRoot())
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // Answers of every status come back as a Response: RestODataClient tells retriable from fatal.
                .disableDefaultMapper(true);
        if (settings.auth() == AuthMode.BEARER) {
            builder.register(new BearerTokenFilter(settings.staticToken().orElseThrow()));
        } else if (settings.auth() != AuthMode.NONE) {
            throw unsupportedAuth(settings);
        }
        ODataApi api = builder.build(ODataApi.class);
        return new RestODataClient(settings, api, guard(settings.name(), config.retry()),
                new ODataMetrics(registry, settings.name()), mapper, config.metadata().cacheTtl());
    }

    private static ODataException unsupportedAuth(EnvironmentSettings settings) {
        return new ODataException("Environment '" + settings.name() + "' is configured with auth "
                + authName(settings.auth()) + ", which is not supported yet (MSAL4J comes in a later issue); use auth "
                + "none or bearer (ferry.environments." + settings.name() + ".auth and .token)", null, null, false, null,
                null);
    }

    private static String authName(AuthMode auth) {
        return auth.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Retries bounded by count and time, waiting as {@link RetryAfterBackoff} says; only retriable failures retry. */
    static Guard guard(String environment, ODataClientConfig.Retry retry) {
        return Guard.create()
                .withDescription("ferry-odata-" + environment)
                .withRetry()
                .maxRetries(retry.maxRetries())
                .maxDuration(retry.maxDuration().toMillis(), ChronoUnit.MILLIS)
                .delay(retry.initialBackoff().toMillis(), ChronoUnit.MILLIS)
                // Jitter is RetryAfterBackoff's (a fraction of each wait), not SmallRye's fixed one.
                .jitter(0, ChronoUnit.MILLIS)
                .whenException(failure -> failure instanceof ODataException e && e.retriable())
                .beforeRetry(failure -> LOG.debugf("Retrying after: %s", failure.getMessage()))
                .withCustomBackoff()
                .strategy(() -> new RetryAfterBackoff(retry.initialBackoff(), retry.maxBackoff(), retry.jitter()))
                .done()
                .done()
                .build();
    }
}

package dev.ferry.common.odata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * The OData environments this service may read or write: {@code ferry.environments.<name>.*}.
 * URLs and secrets live only here (environment variables or a secret store), never in a plan, on
 * Kafka or in logs. Environment variables follow Quarkus's mapping, e.g.
 * {@code FERRY_ENVIRONMENTS_SOURCE_URL}, {@code FERRY_ENVIRONMENTS_SOURCE_TOKEN}.
 *
 * <p>The mapping's prefix is {@code ferry.environments} (with the map at the parent name) rather
 * than {@code ferry}: a mapping on the bare {@code ferry} prefix would claim every {@code ferry.*}
 * key and make the services' own {@code ferry.extractor.*} etc. look like unknown properties of it.
 */
@ConfigMapping(prefix = "ferry.environments")
public interface FerryEnvironmentsConfig {

    /** Every configured environment by name, as a plan names it; empty when none is configured. */
    @WithParentName
    Map<String, EnvironmentConfig> environments();

    /** How a client proves who it is to an environment. */
    enum AuthMode {
        /** No {@code Authorization} header (local emulators, open services). */
        NONE,
        /** A static bearer token from {@code token}. */
        BEARER,
        /** Microsoft Entra ID client credentials with a secret (MSAL4J; not supported yet). */
        CLIENT_SECRET,
        /** Microsoft Entra ID client credentials with a certificate (MSAL4J; not supported yet). */
        CLIENT_CERTIFICATE
    }

    /** One environment: {@code ferry.environments.<name>.*}. */
    interface EnvironmentConfig {

        /** The OData service root, e.g. {@code https://org.crm.dynamics.com/api/data/v9.2/}; a missing final {@code /} is added. */
        String url();

        /** {@code none} (default), {@code bearer}, {@code client-secret} or {@code client-certificate}. */
        @WithDefault("none")
        AuthMode auth();

        /** The bearer token sent with {@code auth=bearer}. Secret: never logged. */
        Optional<String> token();

        /** The Entra ID tenant (directory) id, for {@code client-secret} and {@code client-certificate}. */
        Optional<String> tenantId();

        /** The Entra ID application (client) id, for {@code client-secret} and {@code client-certificate}. */
        Optional<String> clientId();

        /** The application's client secret, for {@code client-secret}. Secret: never logged. */
        Optional<String> clientSecret();

        /** A PEM or PKCS#12 file with the application's certificate and private key, for {@code client-certificate}. */
        Optional<String> certificatePath();

        /** The Entra ID authority the tenant id is appended to. */
        @WithDefault("https://login.microsoftonline.com/")
        String authority();

        /** The token scope; default {@code <url origin>/.default} (see {@link EnvironmentSettings#scope()}). */
        Optional<String> scope();
    }
}

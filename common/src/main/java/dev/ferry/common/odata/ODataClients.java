package dev.ferry.common.odata;

/**
 * Hands out the {@link ODataClient} of each configured environment
 * ({@code ferry.environments.<name>.*}); a CDI bean in the services.
 */
public interface ODataClients {

    /** The client of a configured environment; throws {@link UnknownEnvironmentException} naming the configured ones. */
    ODataClient client(String environment);

    /** The names of the configured environments. */
    java.util.Set<String> environments();
}

package dev.ferry.common.odata;

import java.util.Set;

/** A plan or task names an environment that this service has no configuration for. */
public class UnknownEnvironmentException extends RuntimeException {
    public UnknownEnvironmentException(String environment, Set<String> configured) {
        super("No environment '" + environment + "' is configured here (configured: " + configured
                + "); set ferry.environments." + environment + ".url (FERRY_ENVIRONMENTS_"
                + environment.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_URL).");
    }
}

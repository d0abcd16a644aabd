package dev.ferry.common.odata;

import dev.ferry.common.odata.FerryEnvironmentsConfig.AuthMode;
import dev.ferry.common.odata.FerryEnvironmentsConfig.EnvironmentConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * One environment's configuration, checked and normalised: the service root ends in {@code /},
 * the scope has its default. {@link #toString()} leaves secrets out.
 *
 * @param name        the environment's name
 * @param serviceRoot the absolute service root URL, ending in {@code /}
 * @param auth        how to authenticate
 * @param token       the static bearer token ({@code auth=bearer}), or null
 * @param scope       the token scope
 */
public record EnvironmentSettings(String name, URI serviceRoot, AuthMode auth, String token, String scope) {

    public EnvironmentSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(serviceRoot, "serviceRoot");
        Objects.requireNonNull(auth, "auth");
    }

    /** Checks and normalises {@code ferry.environments.<name>.*}; a wrong value throws naming the key. */
    public static EnvironmentSettings of(String name, EnvironmentConfig config) {
        String key = "ferry.environments." + name;
        URI root = serviceRoot(key + ".url", config.url());
        String token = config.token().filter(t -> !t.isBlank()).orElse(null);
        if (config.auth() == AuthMode.BEARER && token == null) {
            throw new IllegalArgumentException(key + ".auth is bearer but " + key + ".token is not set");
        }
        String scope = config.scope().filter(s -> !s.isBlank()).orElse(origin(root) + "/.default");
        return new EnvironmentSettings(name, root, config.auth(), token, scope);
    }

    /** The URL as an absolute http(s) URI ending in {@code /}. */
    static URI serviceRoot(String key, String url) {
        String trimmed = url.trim();
        if (!trimmed.endsWith("/")) {
            trimmed = trimmed + "/";
        }
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException(key + " must be an absolute http(s) URL, got '" + url + "'");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException(key + " must be a service root without query or fragment, got '"
                        + url + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a valid URL: '" + url + "' (" + e.getMessage() + ")", e);
        }
    }

    /** {@code scheme://host[:port]} of a URI. */
    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The bearer token, when one is configured. */
    public Optional<String> staticToken() {
        return Optional.ofNullable(token);
    }

    @Override
    public String toString() {
        return "EnvironmentSettings[name=" + name + ", serviceRoot=" + serviceRoot + ", auth=" + auth
                + ", token=" + (token == null ? "none" : "***") + ", scope=" + scope + "]";
    }
}

package dev.ferry.emulator.write;

/**
 * Turns the URLs clients write inside payloads and batches into paths below the service root:
 * absolute ({@code https://org.crm.dynamics.com/api/data/v9.2/accounts(…)}), root-relative
 * ({@code /api/data/v9.2/accounts}) or already relative ({@code accounts}, {@code /accounts}).
 * Any host and any {@code v9.x} version are accepted, so payloads copied from another environment
 * still resolve here.
 */
final class ServiceUrls {
    /** Marks the Web API in a URL; the version segment follows it. */
    static final String API_DATA = "/api/data/";
    private static final String SCHEME_SEPARATOR = "://";

    private ServiceUrls() {
    }

    /** The path below the service root (with any query string), or null when an absolute URL has no Web API path. */
    static String belowRoot(String url) {
        String s = url.trim();
        int scheme = s.indexOf(SCHEME_SEPARATOR);
        if (scheme > 0) {
            int api = s.indexOf(API_DATA, scheme + SCHEME_SEPARATOR.length());
            if (api < 0) {
                return null;
            }
            s = s.substring(api);
        }
        if (s.startsWith(API_DATA)) {
            int versionEnd = s.indexOf('/', API_DATA.length());
            return versionEnd < 0 ? "" : s.substring(versionEnd + 1);
        }
        return s.startsWith("/") ? s.substring(1) : s;
    }
}

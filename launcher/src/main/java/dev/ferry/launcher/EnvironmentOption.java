package dev.ferry.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * An extra environment given to {@code up} as {@code --env NAME=URL}: an OData v4 service root every
 * service can read from or write to, without authentication.
 *
 * @param name the environment's name, as plans name it (lower case)
 * @param url  its service root, ending with {@code /}
 */
record EnvironmentOption(String name, String url) {

    /**
     * Letters and digits: what maps one to one to an environment variable and back. Quarkus reads
     * {@code FERRY_ENVIRONMENTS_MY_ENV_URL} as no environment at all (checked: a dash or an underscore in the
     * name does not survive the mapping).
     */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    /** The environments {@code up} defines itself, for its two emulators. */
    static final String SOURCE = "source";
    static final String TARGET = "target";

    /** Parses {@code NAME=URL}; a problem is a {@link LauncherException} with exit status 2. */
    static EnvironmentOption parse(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            throw LauncherException.usage("'" + text + "': expected NAME=URL, e.g. --env northwind=https://services.odata.org/V4/Northwind/Northwind.svc/");
        }
        String name = text.substring(0, equals).trim();
        String url = text.substring(equals + 1).trim();
        if (!NAME.matcher(name).matches()) {
            throw LauncherException.usage("'" + text + "': the name '" + name
                    + "' must start with a letter and hold only letters and digits (the services read environments from"
                    + " environment variables, where a dash or underscore would be lost), e.g. northwind or crm2.");
        }
        if (name.equalsIgnoreCase(SOURCE) || name.equalsIgnoreCase(TARGET)) {
            throw LauncherException.usage("'" + text + "': '" + name
                    + "' is the name of an emulator ./ferry up starts; give your environment another name.");
        }
        return new EnvironmentOption(name.toLowerCase(Locale.ROOT), serviceRoot(text, url));
    }

    private static String serviceRoot(String option, String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw LauncherException.usage("'" + option + "': '" + url
                        + "' is not an http(s) URL; give the OData service root, e.g. https://org.crm.dynamics.com/api/data/v9.2/");
            }
        } catch (URISyntaxException e) {
            throw LauncherException.usage("'" + option + "': '" + url + "' is not a URL (" + e.getReason()
                    + "); give the OData service root, e.g. https://org.crm.dynamics.com/api/data/v9.2/");
        }
        // A service root ends with a slash, so that relative nextLinks and entity-set paths resolve under it.
        return url.endsWith("/") ? url : url + "/";
    }

    /** The prefix of this environment's variables: {@code FERRY_ENVIRONMENTS_<NAME>_}, per Quarkus's mapping. */
    String variablePrefix() {
        return variablePrefix(name);
    }

    static String variablePrefix(String environment) {
        return "FERRY_ENVIRONMENTS_" + environment.toUpperCase(Locale.ROOT) + "_";
    }

    /** picocli's converter, so that a bad {@code --env} is a usage error with exit status 2. */
    static final class Converter implements ITypeConverter<EnvironmentOption> {
        @Override
        public EnvironmentOption convert(String value) {
            try {
                return parse(value);
            } catch (LauncherException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}

package dev.ferry.emulator.protect;

import dev.ferry.emulator.EmulatorOptions;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.EmulatorServer;
import dev.ferry.emulator.http.ErrorCodes;
import java.util.Locale;
import java.util.Optional;

/**
 * The bearer token check: when tokens are required, a request without a valid
 * {@code Authorization: Bearer <token>} header is answered 401 with the challenge Dataverse sends.
 */
final class TokenCheck {
    /** The tenant named in the challenge; the emulator has no identity provider of its own (yet). */
    static final String EMULATOR_TENANT = "00000000-0000-0000-0000-00000000fe77";
    private static final String SCHEME = "bearer ";

    private final boolean required;
    private final String expectedToken;

    TokenCheck(EmulatorOptions options) {
        this.required = options.requireBearerToken();
        this.expectedToken = options.bearerToken();
    }

    boolean enabled() {
        return required;
    }

    /** The 401 answer when the request's token is missing or wrong; empty when it may pass. */
    Optional<ApiResponse> reject(ApiRequest request) {
        if (!required) {
            return Optional.empty();
        }
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.of(unauthorized(request, "The request has no access token: send the header "
                    + "'Authorization: Bearer <access token>'."));
        }
        String value = header.get().trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            return Optional.of(unauthorized(request, "The Authorization header must use the Bearer scheme "
                    + "('Authorization: Bearer <access token>')."));
        }
        String token = value.substring(SCHEME.length()).trim();
        if (token.isEmpty()) {
            return Optional.of(unauthorized(request, "The bearer token is empty."));
        }
        if (expectedToken != null && !expectedToken.equals(token)) {
            return Optional.of(unauthorized(request, "The bearer token is not valid for this environment."));
        }
        return Optional.empty();
    }

    private static ApiResponse unauthorized(ApiRequest request, String message) {
        return ApiResponse.error(new DataverseException(401, ErrorCodes.UNAUTHORIZED, message))
                .withHeader("WWW-Authenticate", challenge(request.serviceRoot()));
    }

    /** Dataverse's challenge: where to get a token, and for which resource (the environment's URL). */
    static String challenge(String serviceRoot) {
        String resource = serviceRoot.endsWith(EmulatorServer.SERVICE_PATH)
                ? serviceRoot.substring(0, serviceRoot.length() - EmulatorServer.SERVICE_PATH.length()) + "/"
                : serviceRoot;
        return "Bearer authorization_uri=https://login.microsoftonline.com/" + EMULATOR_TENANT
                + "/oauth2/authorize, resource_id=" + resource;
    }
}

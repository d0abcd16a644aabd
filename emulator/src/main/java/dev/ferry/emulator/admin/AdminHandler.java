package dev.ferry.emulator.admin;

import dev.ferry.emulator.EmulatorContext;
import dev.ferry.emulator.http.ApiRequest;
import dev.ferry.emulator.http.ApiResponse;
import dev.ferry.emulator.http.DataverseException;
import dev.ferry.emulator.http.ErrorCodes;
import dev.ferry.emulator.schema.ManyToMany;
import dev.ferry.emulator.schema.Table;
import dev.ferry.emulator.seed.SeedResult;
import dev.ferry.emulator.seed.Seeder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulator's own endpoints under {@code /_emulator/}, outside the OData service and its
 * guard (no token, limits, faults or latency). Answers are plain JSON, errors have Dataverse's
 * error shape.
 * <ul>
 *   <li>{@code GET health}: {@code {"status":"UP","schema":"crm","rows":N}}</li>
 *   <li>{@code GET tables}: row count per table and association count per many-to-many
 *       relationship: {@code {"schema":"crm","tables":{"account":10,...},"associations":{...}}}</li>
 *   <li>{@code GET tables/{logicalName}/export}: the table's rows as JSON lines
 *       ({@code application/x-ndjson}), ordered by id, every column by logical name, values in
 *       canonical form (lookups as {@code "<table>:<id>"}); read-only columns (createdon,
 *       modifiedon, versionnumber, fullname, ...) only with {@code ?system=true}</li>
 *   <li>{@code GET associations/{schemaName}/export}: the relationship's pairs as JSON lines,
 *       ordered, e.g. {@code {"accountid":"…","leadid":"…"}}</li>
 *   <li>{@code GET counters}: requests, throttled (429), failures (other 4xx/5xx), connection
 *       resets, records written and answers by status</li>
 *   <li>{@code POST counters/reset}: zeroes the counters</li>
 *   <li>{@code GET writes}: the store's write log: first and last write time and rows written per table</li>
 *   <li>{@code POST reset}: empties every table, association and the write log;
 *       {@code ?counters=true} zeroes the counters too</li>
 *   <li>{@code POST seed} with {@code {"account":100,"contact":300,"randomSeed":7}}: generates
 *       more rows (random seed: the environment's when left out); answers what it added</li>
 * </ul>
 * Any other path answers 404; a known path with another method answers 405.
 */
public final class AdminHandler {
    private static final String EXPORT = "export";

    private final EmulatorContext context;

    public AdminHandler(EmulatorContext context) {
        this.context = context;
    }

    /** @param path the path below {@code /_emulator/} */
    public ApiResponse handle(ApiRequest request, String path) {
        String[] parts = trimSlashes(path).split("/");
        String method = request.method();
        String route = parts[0];
        try {
            if (parts.length == 1) {
                return switch (route) {
                    case "health" -> require(method, "GET", path, () -> health());
                    case "tables" -> require(method, "GET", path, () -> AdminJson.ok(StoreViews.tables(context.store())));
                    case "counters" -> require(method, "GET", path,
                            () -> AdminJson.ok(StoreViews.counters(context.counters())));
                    case "writes" -> require(method, "GET", path, () -> AdminJson.ok(StoreViews.writes(context.store())));
                    case "reset" -> require(method, "POST", path, () -> reset(request));
                    case "seed" -> require(method, "POST", path, () -> seed(request));
                    default -> throw notFound(path);
                };
            }
            if (parts.length == 2 && route.equals("counters") && parts[1].equals("reset")) {
                return require(method, "POST", path, () -> {
                    context.counters().clear();
                    return AdminJson.ok(Map.of("status", "counters reset"));
                });
            }
            if (parts.length == 3 && parts[2].equals(EXPORT) && route.equals("tables")) {
                return require(method, "GET", path, () -> Exports.rows(context.store(), table(parts[1]),
                        "true".equalsIgnoreCase(request.queryOption("system").orElse("false"))));
            }
            if (parts.length == 3 && parts[2].equals(EXPORT) && route.equals("associations")) {
                return require(method, "GET", path,
                        () -> Exports.associations(context.store(), context.schema(), manyToMany(parts[1])));
            }
            throw notFound(path);
        } catch (IllegalArgumentException e) {
            // The store and seeder report bad input (unknown table, negative count) this way.
            return ApiResponse.error(SeedRequest.badRequest(e.getMessage()));
        }
    }

    private ApiResponse health() {
        long rows = context.schema().tables().stream()
                .mapToLong(t -> context.store().table(t.logicalName()).size()).sum();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("schema", context.schema().name());
        body.put("rows", rows);
        return AdminJson.ok(body);
    }

    private ApiResponse reset(ApiRequest request) {
        boolean counters = "true".equalsIgnoreCase(request.queryOption("counters").orElse("false"));
        context.store().reset();
        if (counters) {
            context.counters().clear();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "reset");
        body.put("counters", counters);
        return AdminJson.ok(body);
    }

    private ApiResponse seed(ApiRequest request) {
        SeedRequest seed = SeedRequest.parse(request.body());
        long randomSeed = seed.randomSeed().orElse(context.options().randomSeed());
        SeedResult result = new Seeder(context.store(), randomSeed).seed(seed.counts());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", result.rows());
        body.put("associations", result.associations());
        body.put("totalRows", result.totalRows());
        body.put("millis", result.elapsed().toMillis());
        return AdminJson.ok(body);
    }

    private Table table(String logicalName) {
        return context.schema().table(logicalName).orElseThrow(() -> new DataverseException(404,
                ErrorCodes.RESOURCE_NOT_FOUND, "No table '" + logicalName + "' in schema " + context.schema().name()
                        + "; GET /_emulator/tables lists them."));
    }

    private ManyToMany manyToMany(String schemaName) {
        return context.schema().manyToMany(schemaName).orElseThrow(() -> new DataverseException(404,
                ErrorCodes.RESOURCE_NOT_FOUND, "No many-to-many relationship '" + schemaName + "' in schema "
                        + context.schema().name() + "; GET /_emulator/tables lists them."));
    }

    private static ApiResponse require(String method, String allowed, String path,
            java.util.function.Supplier<ApiResponse> answer) {
        if (!method.equals(allowed)) {
            throw new DataverseException(405, ErrorCodes.BAD_REQUEST,
                    "Use " + allowed + " for /_emulator/" + trimSlashes(path) + ", not " + method + ".");
        }
        return answer.get();
    }

    private static DataverseException notFound(String path) {
        return new DataverseException(404, ErrorCodes.RESOURCE_NOT_FOUND, "No emulator endpoint at /_emulator/"
                + trimSlashes(path) + ". Endpoints: GET health, GET tables, GET tables/{table}/export,"
                + " GET associations/{relationship}/export, GET counters, POST counters/reset, GET writes,"
                + " POST reset, POST seed.");
    }

    private static String trimSlashes(String path) {
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') {
            from++;
        }
        while (to > from && path.charAt(to - 1) == '/') {
            to--;
        }
        return path.substring(from, to);
    }
}

package dev.ferry.common.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a plan from JSON, strictly: a field the format does not have is a problem (a typo such
 * as {@code "selct"} must not silently copy every column), and so is a value of the wrong type
 * ({@code "pageSize": "500"}, {@code 1.5}). Every unknown field is reported, not just the first,
 * and the plan is still read so that the validator can add its own problems. Thread-safe.
 */
public final class PlanReader {

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Unknown fields are found, all of them, by UnknownFieldFinder before binding.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final UnknownFieldFinder unknownFields = new UnknownFieldFinder(mapper);

    /** Reads a plan; the stream is read to its end and not closed. */
    public PlanReadResult read(InputStream json) {
        try {
            return read(new String(json.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the plan", e);
        }
    }

    /** Reads a plan from its JSON text. */
    public PlanReadResult read(String json) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return failed(new PlanProblem(ProblemCode.MALFORMED_JSON, Locations.ROOT,
                    "The plan is not valid JSON (" + e.getOriginalMessage() + " at line "
                            + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                            + "). Fix the syntax and send it again."));
        }
        if (tree == null || !tree.isObject()) {
            return failed(new PlanProblem(ProblemCode.MALFORMED_JSON, Locations.ROOT,
                    "The plan must be a JSON object with name, source, target and tables."));
        }
        List<PlanProblem> problems = new ArrayList<>(unknownFields.find(tree, Plan.class));
        try {
            return new PlanReadResult(mapper.treeToValue(tree, Plan.class), problems);
        } catch (JsonMappingException e) {
            problems.add(new PlanProblem(ProblemCode.INVALID_VALUE, pointer(e), describe(e)));
            return new PlanReadResult(null, problems);
        } catch (JsonProcessingException e) {
            problems.add(new PlanProblem(ProblemCode.INVALID_VALUE, Locations.ROOT, e.getOriginalMessage()));
            return new PlanReadResult(null, problems);
        }
    }

    private static PlanReadResult failed(PlanProblem problem) {
        return new PlanReadResult(null, List.of(problem));
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            pointer.append('/');
            pointer.append(reference.getFieldName() != null
                    ? UnknownFieldFinder.escape(reference.getFieldName()) : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }

    private static String describe(JsonMappingException e) {
        String where = e.getPath().isEmpty() ? "The plan" : "The value at " + pointer(e);
        String detail = Objects.requireNonNullElse(e.getOriginalMessage(), "").lines().findFirst().orElse("");
        return where + " has the wrong type or form (" + detail + "). See the plan format in DESIGN.md and fix it.";
    }
}

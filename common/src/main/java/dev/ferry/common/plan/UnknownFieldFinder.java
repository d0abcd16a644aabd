package dev.ferry.common.plan;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the fields of a JSON document that its Java type does not have, each with its JSON
 * pointer. The known fields come from Jackson's own introspection of the type, so they cannot
 * drift from what deserialization accepts.
 *
 * <p>Why a walk of the tree rather than a {@code DeserializationProblemHandler}: for types built
 * through a creator (records, factories) Jackson buffers unknown fields and reports them after
 * the object is built, from a replay parser whose location is no longer the field's.
 */
final class UnknownFieldFinder {

    private static final String JDK_PACKAGE_PREFIX = "java.";

    private final ObjectMapper mapper;

    UnknownFieldFinder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<PlanProblem> find(JsonNode node, Class<?> type) {
        List<PlanProblem> problems = new ArrayList<>();
        walk(node, mapper.constructType(type), Locations.ROOT, problems);
        return problems;
    }

    private void walk(JsonNode node, JavaType type, String pointer, List<PlanProblem> problems) {
        if (node.isArray() && type.isCollectionLikeType()) {
            for (int index = 0; index < node.size(); index++) {
                walk(node.get(index), type.getContentType(), pointer + "/" + index, problems);
            }
        } else if (node.isObject() && isBean(type)) {
            Map<String, JavaType> known = properties(type);
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPointer = pointer + "/" + escape(field.getKey());
                JavaType fieldType = known.get(field.getKey());
                if (fieldType == null) {
                    problems.add(unknown(field.getKey(), fieldPointer, known));
                } else {
                    walk(field.getValue(), fieldType, fieldPointer, problems);
                }
            }
        }
    }

    private static PlanProblem unknown(String field, String pointer, Map<String, JavaType> known) {
        List<String> names = known.keySet().stream().sorted().toList();
        return new PlanProblem(ProblemCode.UNKNOWN_FIELD, pointer,
                "Unknown field '" + field + "'." + Suggestions.didYouMean(field, names)
                        + " Remove it or use one of: " + String.join(", ", names) + ".");
    }

    private static boolean isBean(JavaType type) {
        return !type.isContainerType() && !type.isPrimitive()
                && !type.getRawClass().getName().startsWith(JDK_PACKAGE_PREFIX);
    }

    private Map<String, JavaType> properties(JavaType type) {
        Map<String, JavaType> properties = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : mapper.getDeserializationConfig().introspect(type).findProperties()) {
            if (property.couldDeserialize()) {
                properties.put(property.getName(), property.getPrimaryType());
            }
        }
        return properties;
    }

    /** RFC 6901: {@code ~} and {@code /} in a name are escaped. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}

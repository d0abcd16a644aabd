package dev.ferry.common.plan;

import dev.ferry.common.metadata.ServiceMetadata;

/**
 * One side of a plan (source or target) whose metadata is known, with the problem codes that
 * name it, so that the same checks serve both sides.
 */
record EnvironmentSide(String role, String environment, ServiceMetadata metadata,
                       ProblemCode unknownEntitySet, ProblemCode unknownColumn) {

    static EnvironmentSide source(String environment, ServiceMetadata metadata) {
        return new EnvironmentSide("source", environment, metadata,
                ProblemCode.UNKNOWN_SOURCE_ENTITY_SET, ProblemCode.UNKNOWN_SOURCE_COLUMN);
    }

    static EnvironmentSide target(String environment, ServiceMetadata metadata) {
        return new EnvironmentSide("target", environment, metadata,
                ProblemCode.UNKNOWN_TARGET_ENTITY_SET, ProblemCode.UNKNOWN_TARGET_COLUMN);
    }

    /** For messages: {@code source environment 'prod'}. */
    String describe() {
        return role + " environment '" + environment + "'";
    }
}

package dev.ferry.emulator.schema;

/** Dataverse's AttributeRequiredLevel: the only place that tells whether a lookup is required. */
public enum RequiredLevel {
    None, SystemRequired, ApplicationRequired, Recommended
}

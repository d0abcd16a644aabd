package dev.ferry.emulator.store;

import java.util.UUID;

/** The stored value of a lookup column: the referenced table (needed for polymorphic lookups) and id. */
public record LookupValue(String table, UUID id) {
}

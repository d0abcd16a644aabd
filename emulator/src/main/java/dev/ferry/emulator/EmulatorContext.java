package dev.ferry.emulator;

import dev.ferry.emulator.schema.Schema;
import dev.ferry.emulator.store.Store;

/** What every request handler of one emulated environment works on. */
public record EmulatorContext(EmulatorOptions options, Schema schema, Store store, RequestCounters counters) {
}

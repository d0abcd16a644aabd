package dev.ferry.emulator.seed;

/** Generates one column's value for the row being drafted; null for no value. */
@FunctionalInterface
interface Cell {
    Object next(RowDraft row);
}

/**
 * The migration plan (DESIGN.md, "Plan"): its model, its strict JSON reading and its
 * validation against the source and target metadata, which lists every problem at once.
 */
package dev.ferry.common.plan;

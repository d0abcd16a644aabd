package dev.ferry.coordinator.api;

import dev.ferry.common.contract.RunStatus;
import java.time.Instant;

/**
 * A run in the history ({@code GET /migrations}).
 *
 * @param runId      the run
 * @param name       the plan's name
 * @param source     the source environment
 * @param target     the target environment
 * @param status     where it stands
 * @param createdAt  when it was accepted
 * @param finishedAt when it finished, or {@code null}
 * @param tables     how many tables it has
 * @param loadedTables how many of them are loaded
 * @param extracted  records extracted
 * @param loaded     records loaded
 * @param rejected   records rejected
 */
public record RunSummary(String runId, String name, String source, String target, RunStatus status,
                         Instant createdAt, Instant finishedAt, int tables, int loadedTables, long extracted,
                         long loaded, long rejected) {
}

package dev.ferry.coordinator.api;

import dev.ferry.common.contract.RunStatus;
import java.time.Instant;
import java.util.List;

/**
 * A run and every one of its tables, as {@code GET /migrations/{id}} shows it.
 *
 * @param runId      the run
 * @param name       the plan's name
 * @param source     the source environment
 * @param target     the target environment
 * @param status     ACCEPTED, RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param createdAt  when it was accepted
 * @param updatedAt  when it last changed
 * @param finishedAt when it finished, or {@code null}
 * @param failure    why it failed or was cancelled, or {@code null}
 * @param notes      what to know about it: which lookups a second pass writes, and why
 * @param extracted  records extracted, all tables (rows passes: a deferred-lookups pass re-reads the same records)
 * @param loaded     records loaded, all tables (rows passes)
 * @param rejected   records rejected, all tables and passes
 * @param tables     the tables, in plan order
 */
public record RunView(String runId, String name, String source, String target, RunStatus status, Instant createdAt,
                      Instant updatedAt, Instant finishedAt, String failure, List<String> notes, long extracted,
                      long loaded, long rejected, List<TableView> tables) {
}

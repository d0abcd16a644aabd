package dev.ferry.coordinator.api;

import dev.ferry.common.contract.RunStatus;

/**
 * The answer to an accepted plan ({@code 202}); the run's state is at {@code Location}.
 *
 * @param runId  the new run's id
 * @param status {@code ACCEPTED}: its topics and tasks are being created
 */
public record RunAccepted(String runId, RunStatus status) {
}

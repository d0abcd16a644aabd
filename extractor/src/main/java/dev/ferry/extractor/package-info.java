/**
 * The extractor service: consumes extract tasks ({@code ferry.tasks.extract}), pages each table
 * from its source environment and produces every record to the table's data topic, reporting
 * progress and completion on {@code ferry.events} and checkpointing each acknowledged page so
 * that a restarted extractor resumes where it stopped.
 */
package dev.ferry.extractor;

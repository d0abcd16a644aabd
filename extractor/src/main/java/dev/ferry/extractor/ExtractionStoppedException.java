package dev.ferry.extractor;

/**
 * The extractor is shutting down in the middle of a task: the task is neither completed nor
 * failed, and is not acknowledged, so that the group hands it out again (it resumes from its
 * checkpoint).
 */
public class ExtractionStoppedException extends RuntimeException {

    public ExtractionStoppedException(String message) {
        super(message);
    }
}

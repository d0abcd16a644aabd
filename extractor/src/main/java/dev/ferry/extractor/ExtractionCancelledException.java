package dev.ferry.extractor;

/** The coordinator cancelled the table being extracted: stop, acknowledge the task, report nothing more. */
public class ExtractionCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExtractionCancelledException(String message) {
        super(message);
    }
}

package dev.ferry.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a log, to show with an error. */
final class LogTail {
    /** Enough for the last lines of a stack trace; a log's end is read, never the whole log. */
    private static final int MAX_BYTES = 16 * 1024;

    private LogTail() {
    }

    /** The last {@code lines} lines of {@code log}, or a note saying why there are none. */
    static String of(Path log, int lines) {
        if (!Files.isRegularFile(log)) {
            return "(no log at " + log + ")";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            if (start > 0 && !all.isEmpty()) {
                all = all.subList(1, all.size()); // the first line read is likely cut
            }
            if (all.isEmpty()) {
                return "(the log " + log + " is empty)";
            }
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}

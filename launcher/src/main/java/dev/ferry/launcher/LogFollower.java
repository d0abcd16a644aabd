package dev.ferry.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Reads a growing log from where it last stopped, looking for a line; a line still being written waits. */
final class LogFollower {
    private final Path log;
    private final Pattern pattern;
    private long offset;
    private final StringBuilder partial = new StringBuilder();

    LogFollower(Path log, String regex) {
        this.log = log;
        this.pattern = Pattern.compile(regex);
    }

    /** Whether a complete line written since the last call (or before) matches. */
    boolean found() {
        if (!Files.isRegularFile(log)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return false;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, Integer.MAX_VALUE - 8)];
            file.seek(offset);
            file.readFully(bytes);
            offset += bytes.length;
            // The ready lines are ASCII; a multi-byte character cut at the end only spoils one line's text.
            partial.append(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
        int end;
        while ((end = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, end);
            partial.delete(0, end + 1);
            if (pattern.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }
}

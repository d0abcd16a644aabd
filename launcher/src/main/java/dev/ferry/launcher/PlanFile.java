package dev.ferry.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A plan file given to {@code migrate}: read and checked to be a JSON object, nothing more. What the plan says
 * is the coordinator's to judge, and it lists every problem at once.
 */
final class PlanFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT_HINT = "a plan is a JSON object such as"
            + " {\"name\":\"copy\",\"source\":\"source\",\"target\":\"target\",\"tables\":[{\"entitySet\":\"accounts\"}]}"
            + " (see DESIGN.md, \"Plan\")";

    private PlanFile() {
    }

    /** The file's text; a missing, unreadable or malformed file is a {@link LauncherException} with exit status 2. */
    static String read(Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw LauncherException.usage(file + " is a directory: give the path of a plan file; " + FORMAT_HINT + ".");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw LauncherException.usage("No plan file at " + file.toAbsolutePath()
                    + ": give the path of a plan file; " + FORMAT_HINT + ".");
        } catch (MalformedInputException e) {
            throw LauncherException.usage(file + " is not UTF-8 text: save the plan as UTF-8 JSON.");
        } catch (IOException e) {
            throw LauncherException.usage("Cannot read " + file + " (" + e.getMessage() + "): check its permissions.");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw LauncherException.usage(file + " is not valid JSON" + where + " (" + e.getOriginalMessage()
                    + "): fix it; " + FORMAT_HINT + ".");
        }
        if (tree == null || !tree.isObject()) {
            throw LauncherException.usage(file + " does not hold a JSON object: " + FORMAT_HINT + ".");
        }
        return text;
    }
}

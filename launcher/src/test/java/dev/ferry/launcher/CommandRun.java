package dev.ferry.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code ./ferry args} in this JVM and keeps what it printed. */
record CommandRun(int exitCode, String out, String err) {

    static CommandRun of(Workspace workspace, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = FerryMain.execute(workspace, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandRun(status, out.toString(), err.toString());
    }
}

package dev.ferry.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A repository whose "jars" are files that are not jars: enough for the launcher's checks, never started. */
record FakeRepository(Path home) {

    /** The fake repository in {@code home} (a test's temporary directory). */
    static FakeRepository create(Path home) {
        try {
            Workspace workspace = new Workspace(home, home.resolve(".ferry"));
            for (Path jar : new Path[] {workspace.brokerJar(), workspace.emulatorJar(), workspace.serviceJar("extractor"),
                workspace.serviceJar("loader"), workspace.serviceJar("coordinator")}) {
                Files.createDirectories(jar.getParent());
                Files.writeString(jar, "not a jar");
            }
            return new FakeRepository(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Workspace workspace() {
        return new Workspace(home, home.resolve(".ferry"));
    }
}

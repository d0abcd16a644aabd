package dev.ferry.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where things are: the repository the packaged programs were built in, and the state directory
 * ({@code .ferry/} at the repository root) that holds the logs, the pid files, the broker's data and the
 * demo's plan.
 *
 * @param home  the repository root ({@code ./ferry} passes it as the system property {@code ferry.home})
 * @param state the state directory
 */
record Workspace(Path home, Path state) {

    /** The system property {@code ./ferry} sets to the repository root. */
    static final String HOME_PROPERTY = "ferry.home";
    /** The name of the state directory under the repository root. */
    static final String STATE_DIRECTORY = ".ferry";

    Workspace {
        home = home.toAbsolutePath().normalize();
        state = state.toAbsolutePath().normalize();
    }

    /** The repository root from {@code ferry.home}, else the current directory; state in its {@code .ferry/}. */
    static Workspace fromSystem() {
        Path home = Path.of(System.getProperty(HOME_PROPERTY, "."));
        return new Workspace(home, home.resolve(STATE_DIRECTORY));
    }

    /** The log of a process of the stack. */
    Path log(String name) {
        return logs().resolve(name + ".log");
    }

    Path logs() {
        return state.resolve("logs");
    }

    /** The pid files and the stack's description. */
    Path run() {
        return state.resolve("run");
    }

    /** The broker's data directory: topics and committed offsets, kept across restarts. */
    Path kafkaData() {
        return state.resolve("kafka");
    }

    Path demoPlan() {
        return state.resolve("demo-plan.json");
    }

    Path brokerJar() {
        return home.resolve("testkit/target/ferry-kafka.jar");
    }

    Path emulatorJar() {
        return home.resolve("emulator/target/ferry-emulator.jar");
    }

    /** The Quarkus fast-jar launcher of a service module ({@code extractor}, {@code loader}, {@code coordinator}). */
    Path serviceJar(String module) {
        return home.resolve(module + "/target/quarkus-app/quarkus-run.jar");
    }

    /** The path as the user best reads it: relative to the repository root when it is inside. */
    String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(home) ? home.relativize(absolute).toString() : absolute.toString();
    }

    /** Fails, naming every missing jar and how to build it, unless all of {@code jars} exist. */
    void requireBuilt(List<Path> jars) {
        List<String> missing = jars.stream().filter(jar -> !Files.isRegularFile(jar)).map(this::display).toList();
        if (!missing.isEmpty()) {
            throw LauncherException.failed("Not built: " + String.join(", ", missing)
                    + ". Build them with ./mvnw -B package -DskipTests (./ferry does it when they are missing),"
                    + " or run ./ferry from the repository root (" + home + ").");
        }
    }
}

package dev.ferry.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One process of the local stack, as {@code up} starts it: {@code java <jvmOptions> -jar <jar> <args>} with
 * {@code environment} added to the launcher's own, ready once its log has a line matching {@code readyLine} or,
 * for a service, once {@code GET healthUrl} answers 200.
 *
 * @param name        its name: log file, pid file, messages
 * @param role        broker, emulator or service
 * @param jar         the runnable jar
 * @param jvmOptions  heap and other JVM options
 * @param args        the program's arguments
 * @param environment variables added to its environment
 * @param readyLine   a regular expression its output matches once it is ready, if it says so
 * @param healthUrl   a URL that answers 200 once it is ready, if it has one
 */
record StackComponent(String name, Role role, Path jar, List<String> jvmOptions, List<String> args,
                      Map<String, String> environment, Optional<String> readyLine, Optional<String> healthUrl) {

    StackComponent {
        jvmOptions = List.copyOf(jvmOptions);
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
    }

    /** The command line, with {@code java} the given Java launcher. */
    List<String> command(String java) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }
}

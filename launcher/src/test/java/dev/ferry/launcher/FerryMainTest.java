package dev.ferry.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FerryMainTest {
    @TempDir
    Path home;

    private Workspace workspace() {
        return new Workspace(home, home.resolve(".ferry"));
    }

    private CommandRun ferry(String... args) {
        return CommandRun.of(workspace(), args);
    }

    @Test
    void anUnknownCommandPrintsTheUsageAndExitsWith2() {
        CommandRun run = ferry("launch");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Unknown command 'launch': give one of demo, up, migrate, status, down.")
                .contains("Usage: ./ferry").contains("demo").contains("migrate");
    }

    @Test
    void noCommandPrintsTheUsageAndExitsWith2() {
        CommandRun run = ferry();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing command").contains("Usage: ./ferry");
    }

    @Test
    void helpListsEveryCommandAndExitsWith0() {
        CommandRun run = ferry("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("demo", "up", "migrate", "status", "down", "Exit status");
    }

    @Test
    void demoHelpSaysWhatTheSizesMean() {
        CommandRun run = ferry("demo", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().replaceAll("\\s+", " ")).contains("small (5k)", "default (50k: systemuser=50", "large (500k",
                "a number N: N rows", "--keep");
    }

    @Test
    void anUnknownOptionOfACommandShowsItsSynopsisAndExitsWith2() {
        CommandRun run = ferry("up", "--sead", "account=1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--sead").contains("Usage: ./ferry up").contains("./ferry up --help");
    }

    @Test
    void aMissingPlanFileExitsWith2AndSaysWhatAPlanIs() {
        CommandRun run = ferry("migrate", home.resolve("nothere.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("No plan file at").contains("nothere.json").contains("\"entitySet\"");
    }

    @Test
    void aMalformedPlanFileExitsWith2NamingTheLine() throws IOException {
        Path plan = Files.writeString(home.resolve("plan.json"), "{\n  \"name\": \"x\",\n  \"tables\": [\n");

        CommandRun run = ferry("migrate", plan.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("is not valid JSON at line 4").contains("fix it");
    }

    @Test
    void aPlanThatIsNotAnObjectExitsWith2() throws IOException {
        Path plan = Files.writeString(home.resolve("plan.json"), "[{\"entitySet\":\"accounts\"}]");

        CommandRun run = ferry("migrate", plan.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("does not hold a JSON object");
    }

    @Test
    void migrateWithoutACoordinatorExitsWith3AndSaysHowToStartOne() throws IOException {
        Path plan = Files.writeString(home.resolve("plan.json"), "{\"name\":\"x\"}");
        String coordinator = "http://127.0.0.1:" + FreePorts.take(1)[0];

        CommandRun run = ferry("migrate", plan.toString(), "--coordinator", coordinator);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_RUNNING);
        assertThat(run.err().strip()).isEqualTo("No coordinator at " + coordinator + ": start the stack with ./ferry up");
    }

    @Test
    void statusWithoutACoordinatorExitsWith3() {
        CommandRun run = ferry("status", "--coordinator", "http://127.0.0.1:" + FreePorts.take(1)[0]);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NOT_RUNNING);
        assertThat(run.err()).contains("start the stack with ./ferry up");
    }

    @Test
    void migrateFindsTheCoordinatorOfTheStackUpStarted() throws IOException {
        Ports ports = FreePorts.stack();
        new RunDirectory(workspace()).writeStack(ports);
        Path plan = Files.writeString(home.resolve("plan.json"), "{\"name\":\"x\"}");

        CommandRun run = ferry("migrate", plan.toString());

        assertThat(run.err()).contains("No coordinator at http://127.0.0.1:" + ports.coordinator());
    }

    @Test
    void downWithNothingRunningSaysSoAndExitsWith0() {
        CommandRun run = ferry("down");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Nothing is running");
    }

    @Test
    void aBadDemoSizeExitsWith2() {
        CommandRun run = ferry("demo", "--size", "huge");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'huge': expected small, default, large or a number of rows");
    }

    @Test
    void twoServicesOnOnePortAreRefusedWith2() {
        CommandRun run = ferry("up", "--loader-port", "8080");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--coordinator-port and --loader-port are both 8080: give each a different port");
    }

    @Test
    void anEnvironmentGivenTwiceIsRefusedWith2() {
        CommandRun run = ferry("up", "--env", "crm=http://a/", "--env", "CRM=http://b/");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--env crm is given twice");
    }

    @Test
    void upWithoutTheBuiltProgramsSaysHowToBuildThem() {
        CommandRun run = ferry(prepend("up", FreePorts.options(FreePorts.stack())));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("Not built: testkit/target/ferry-kafka.jar").contains("./mvnw -B package -DskipTests");
    }

    static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}

package dev.ferry.emulator;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs an emulated Dataverse environment as a process until it is stopped (SIGTERM or Ctrl-C). */
@Command(name = "ferry-emulator", mixinStandardHelpOptions = true,
        description = "Serves an emulated Dataverse Web API at http://HOST:PORT/api/data/v9.2/.")
public final class EmulatorMain implements Callable<Integer> {

    @Option(names = "--port", description = "TCP port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).",
            defaultValue = "5551")
    int port;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String host;

    @Override
    public Integer call() throws Exception {
        EmulatorOptions options = EmulatorOptions.defaults().host(host).port(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Emulator emulator = Emulator.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        System.out.println("Dataverse emulator ready at " + emulator.baseUrl());
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EmulatorMain()).execute(args));
    }
}

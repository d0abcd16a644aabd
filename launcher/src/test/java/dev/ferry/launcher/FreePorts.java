package dev.ferry.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Ports nothing listens on, distinct within one call. */
final class FreePorts {
    private FreePorts() {
    }

    static int[] take(int count) {
        Set<Integer> ports = new HashSet<>();
        int[] result = new int[count];
        int i = 0;
        while (i < count) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (ports.add(socket.getLocalPort())) {
                    result[i++] = socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }

    /** A stack's ports, all free. */
    static Ports stack() {
        int[] p = take(6);
        return new Ports(p[0], p[1], p[2], p[3], p[4], p[5]);
    }

    /** The options giving {@code ports} to {@code up} or {@code demo}. */
    static String[] options(Ports ports) {
        return new String[] {"--source-port", "" + ports.source(), "--target-port", "" + ports.target(),
            "--kafka-port", "" + ports.kafka(), "--coordinator-port", "" + ports.coordinator(),
            "--extractor-port", "" + ports.extractor(), "--loader-port", "" + ports.loader()};
    }
}

package dev.ferry.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks free loopback ports and checks that a chosen one is free. */
final class Ports {

    private Ports() {
    }

    /**
     * A port nothing listens on right now. Another process could take it before the broker
     * binds it; on one developer machine or CI run that window is small enough.
     */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new KafkaBrokerException("Cannot find a free port on the loopback interface: " + e.getMessage(), e);
        }
    }

    /** {@code port} if it is not 0, else a free port. */
    static int orFree(int port) {
        return port == 0 ? free() : port;
    }

    /**
     * Fails with a clear message when {@code port} is taken. Kafka reports the same problem
     * only after half starting, deep inside a stack trace.
     */
    static void requireFree(String host, int port, String purpose) {
        if (port < 1 || port > 65535) {
            throw new KafkaBrokerException("The " + purpose + " port must be between 1 and 65535, not " + port);
        }
        try (ServerSocket socket = new ServerSocket()) {
            // Kafka binds with SO_REUSEADDR too: a port left in TIME_WAIT by a previous broker is usable.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port), 1);
        } catch (IOException e) {
            throw new KafkaBrokerException("Port " + port + " on " + host + " (" + purpose
                    + ") is already in use: stop whatever listens there or choose another port", e);
        }
    }
}

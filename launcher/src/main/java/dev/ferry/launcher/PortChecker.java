package dev.ferry.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Finds the ports of a stack that something already listens on, before anything is started. */
final class PortChecker {
    private PortChecker() {
    }

    /**
     * Whether a server could not listen on {@code port}: it is tried on every address and on the loopback
     * address, as the programs listen on one or the other. {@code SO_REUSEADDR} is on, as in the servers, so
     * that connections of a stack just stopped (TIME_WAIT) do not count as a use.
     */
    static boolean inUse(int port) {
        return !canBind(new InetSocketAddress(port)) || !canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails, naming each port in use, what needs it and the option that changes it. */
    static void requireFree(Ports ports) {
        List<String> taken = new ArrayList<>();
        for (Ports.Use use : ports.uses()) {
            if (inUse(use.port())) {
                taken.add("port " + use.port() + " (" + use.what() + ") is already in use: stop what listens on it"
                        + " (e.g. ss -ltnp 'sport = :" + use.port() + "') or choose another with " + use.option() + " PORT");
            }
        }
        if (!taken.isEmpty()) {
            throw LauncherException.failed(capitalize(String.join(";\n", taken)) + ".");
        }
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

package dev.cairn.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * Picks a port nothing listens on: the next free one in a configured range, or any free port the
 * kernel offers. Ports it handed out are not handed out again.
 */
final class PortPicker {
    private final Optional<int[]> range;
    private int next;

    PortPicker(Optional<int[]> range) {
        this.range = range;
        this.next = range.map(r -> r[0]).orElse(0);
    }

    /** @throws IllegalStateException if the range has no free port left */
    synchronized int next() {
        if (range.isEmpty()) {
            return bind(0);
        }
        while (next <= range.get()[1]) {
            int candidate = next++;
            try {
                return bind(candidate);
            } catch (UncheckedIOException e) {
                // taken: try the next
            }
        }
        throw new IllegalStateException("no free port left in " + range.get()[0] + "-" + range.get()[1]);
    }

    private static int bind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("port " + port + " is taken", e);
        }
    }
}

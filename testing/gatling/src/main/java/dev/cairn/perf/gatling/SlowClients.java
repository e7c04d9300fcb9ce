package dev.cairn.perf.gatling;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slow-loris clients: each holds a raw connection and sends a request header one byte every
 * 500 ms, never finishing it. When the server closes the connection (or answers, e.g. 408), that
 * counts as {@code closedByServer} and the client reconnects, so the pressure lasts the whole run.
 * {@code opened} counts every connection opened.
 */
final class SlowClients {
    private static final long BYTE_INTERVAL_MS = 500;

    private final String host;
    private final int port;
    private final String hostHeader;
    private final int count;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());

    SlowClients(String host, int port, String hostHeader, int count) {
        this.host = host;
        this.port = port;
        this.hostHeader = hostHeader;
        this.count = count;
    }

    void start() {
        running.set(true);
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(this::loop, "slow-client-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    /** Stops the clients and closes their connections; waits up to a second for each thread. */
    void stop() {
        running.set(false);
        synchronized (sockets) {
            for (Socket s : sockets) {
                closeQuietly(s);
            }
        }
        for (Thread t : threads) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    long opened() {
        return opened.get();
    }

    long closedByServer() {
        return closedByServer.get();
    }

    long connectFailures() {
        return connectFailures.get();
    }

    private void loop() {
        byte[] header = ("GET /o/b3:" + "0".repeat(64) + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nX-Slow: "
                + "a".repeat(4096)).getBytes(StandardCharsets.US_ASCII);
        while (running.get()) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(host, port), 5000);
            } catch (IOException e) {
                connectFailures.incrementAndGet();
                closeQuietly(s);
                pause();
                continue;
            }
            opened.incrementAndGet();
            sockets.add(s);
            try {
                dribble(s, header);
            } finally {
                sockets.remove(s);
                closeQuietly(s);
            }
        }
    }

    /** Sends one byte, then waits for the server for the interval; returns when either side ends. */
    private void dribble(Socket s, byte[] header) {
        try {
            s.setSoTimeout((int) BYTE_INTERVAL_MS);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; running.get(); i = (i + 1) % header.length) {
                out.write(header[i]);
                out.flush();
                try {
                    in.read();
                    // a byte is an answer (408, 431, ...) and -1 a close: either way the server ended it
                    closedByServer.incrementAndGet();
                    return;
                } catch (SocketTimeoutException expected) {
                    // the server is still waiting for us: send the next byte
                }
            }
        } catch (IOException e) {
            if (running.get()) {
                closedByServer.incrementAndGet();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(BYTE_INTERVAL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}

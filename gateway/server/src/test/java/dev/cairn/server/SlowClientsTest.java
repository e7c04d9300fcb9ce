package dev.cairn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.server.config.CairnConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow-loris clients: many connections dribbling header bytes, a silent connection and a
 * dribbled body are all cut off within a bounded time, while normal requests keep succeeding.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowClientsTest {
    private static final int SLOW = 50;
    private static final String TOKEN = "slow-clients-token";

    @TempDir
    Path dataDir;
    private CairnServer server;

    @BeforeEach
    void start() {
        // the idle timeout is far longer than the test: only the header deadline and the data rate can close these
        server = CairnServer.start(CairnConfig.fromMap(Map.ofEntries(Map.entry("http.host", "127.0.0.1"),
                Map.entry("http.port", "0"),
                Map.entry("backend", "memory"),
                Map.entry("data.dir", dataDir.toString()),
                Map.entry("oap.write-token", TOKEN),
                Map.entry("log.access", "false"),
                Map.entry("access-key", Signed.ACCESS_KEY),
                Map.entry("secret-key", Signed.SECRET_KEY),
                Map.entry("http.idle-timeout", "5m"),
                Map.entry("http.header-timeout", "2s"),
                Map.entry("http.min-request-data-rate", "1KiB"))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void dribbledHeadersAreCutOffWhileNormalTrafficSucceeds() throws Exception {
        List<Socket> slow = new ArrayList<>();
        long[] closedAfterNanos = new long[SLOW];
        long t0 = System.nanoTime();
        int served = 0;
        try {
            for (int i = 0; i < SLOW; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.setSoTimeout(1);
                slow.add(s);
                s.getOutputStream().write("GET /bucket/key HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
            }
            int open = SLOW;
            // one header byte per socket every half second, for at most 30 s
            while (open > 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30)) {
                for (int i = 0; i < SLOW; i++) {
                    if (closedAfterNanos[i] == 0 && closedByServer(slow.get(i))) {
                        closedAfterNanos[i] = System.nanoTime() - t0;
                        open--;
                    }
                }
                HttpResponse<String> put = Http.CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve("/put"))
                        .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TOKEN)
                        .PUT(HttpRequest.BodyPublishers.ofString("normal traffic " + served)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, put.statusCode(), put.body());
                assertEquals(200, Http.get(server.baseUri(), "/healthz").statusCode());
                served++;
                Thread.sleep(500);
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        long worst = 0;
        for (int i = 0; i < SLOW; i++) {
            assertTrue(closedAfterNanos[i] > 0, "slow connection " + i + " still open after 30 s");
            worst = Math.max(worst, closedAfterNanos[i]);
        }
        double seconds = worst / 1e9;
        // deadline 2 s plus a sweep period; 5x slack for a noisy machine
        assertTrue(seconds < 12, "slowest close after " + seconds + " s");
        assertTrue(seconds >= 1.9, "closed before the deadline: " + seconds + " s");
        assertTrue(served >= 3, "normal requests kept being served: " + served);
    }

    @Test
    void aConnectionThatNeverSendsARequestIsClosed() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(15_000);
            long t0 = System.nanoTime();
            assertEquals(-1, s.getInputStream().read(), "closed without an answer");
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds >= 1.9 && seconds < 12, "closed after " + seconds + " s");
        }
    }

    @Test
    void aDribbledOapBodyIsCutOff() throws Exception {
        String text = dribble(("PUT /put HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Length: 100000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(text.isEmpty() || text.startsWith("HTTP/1.1 400") || text.startsWith("HTTP/1.1 408"), text);
    }

    @Test
    void aDribbledS3BodyIsCutOffAndStoresNothing() throws Exception {
        String bucket = new String(dribbleless(Signed.head(server.port(), "PUT", "/slow", null, Map.of(), new byte[0], List.of())),
                StandardCharsets.ISO_8859_1);
        assertTrue(bucket.startsWith("HTTP/1.1 200"), bucket);
        String text = dribble(Signed.head(server.port(), "PUT", "/slow/key", null, Map.of(), new byte[100_000], List.of()));
        assertTrue(text.isEmpty() || text.startsWith("HTTP/1.1 400") || text.startsWith("HTTP/1.1 408"), text);
        byte[] get = dribbleless(Signed.head(server.port(), "GET", "/slow/key", null, Map.of(), null, List.of()));
        assertTrue(new String(get, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 404"), "nothing stored");
    }

    /** Sends {@code head} and then 10 body bytes a second, far below 1KiB/s; returns what the server answered. */
    private String dribble(byte[] head) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(1);
            OutputStream out = s.getOutputStream();
            out.write(head);
            long t0 = System.nanoTime();
            StringBuilder answer = new StringBuilder();
            boolean closed = false;
            while (!closed && answer.length() == 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(30)) {
                try {
                    out.write("0123456789".getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    closed = true;
                }
                closed |= drain(s.getInputStream(), answer);
                Thread.sleep(1000);
            }
            assertTrue(closed || answer.length() > 0, "still accepting a 10 B/s body after 30 s");
            return answer.toString();
        }
    }

    /** Sends a whole request (head only, or with a zero-length body) and reads the answer head. */
    private byte[] dribbleless(byte[] head) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(head);
            byte[] buf = new byte[512];
            int n = s.getInputStream().read(buf);
            return java.util.Arrays.copyOf(buf, Math.max(n, 0));
        }
    }

    /** Reads what is there; true once the server has closed its side. */
    private static boolean drain(InputStream in, StringBuilder into) throws IOException {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                into.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
            return n < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Sends one more header byte; true when the server has closed the connection. */
    private static boolean closedByServer(Socket s) {
        try {
            s.getOutputStream().write('a');
            s.getOutputStream().flush();
            return drain(s.getInputStream(), new StringBuilder());
        } catch (IOException e) {
            return true;
        }
    }
}

package dev.cairn.server.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The slow-body floor judges the client, not the gateway: a body that arrived at once but is read
 * late (a cold gateway's first request) passes, while a client that really dribbles is cut off.
 */
class MinimumDataRateTest {
    private Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** Answers 200 and the body length, or 400 when reading the body failed. */
    private int start(long readDelayMillis) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        Handler echo = new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Thread reader = new Thread(() -> {
                    try {
                        TimeUnit.MILLISECONDS.sleep(readDelayMillis); // the gateway's first-use work
                        long n;
                        try (InputStream in = Content.Source.asInputStream(request)) {
                            n = in.readAllBytes().length;
                        }
                        response.setStatus(200);
                        Content.Sink.write(response, true, Long.toString(n), callback);
                    } catch (Exception e) {
                        response.setStatus(400);
                        Content.Sink.write(response, true, "failed: " + e.getMessage(), callback);
                    }
                });
                reader.start();
                return true;
            }
        };
        server.setHandler(new MinimumDataRate(echo, 1024));
        server.start();
        return connector.getLocalPort();
    }

    private static String exchange(int port, byte[] body, long pauseMillisPerByte) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("PUT /x HTTP/1.1\r\nHost: t\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    if (pauseMillisPerByte > 0) {
                        TimeUnit.MILLISECONDS.sleep(pauseMillisPerByte);
                    }
                }
            } catch (IOException cutOff) {
                // the server answered and closed before the whole body was sent: read its answer
            }
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aBodyThatArrivedAtOnceButIsReadLatePasses() throws Exception {
        int port = start(1_600);
        String answer = exchange(port, "twenty-three bytes body".getBytes(StandardCharsets.US_ASCII), 0);
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.endsWith("23"), answer);
    }

    @Test
    void aClientThatDribblesIsCutOff() throws Exception {
        int port = start(0);
        // 40 bytes at ~5 B/s against a floor of 1 KiB/s: the reader waits on the client the whole time
        String answer = exchange(port, new byte[40], 200);
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("slower than 1024 bytes/s"), answer);
    }

    @Test
    void aFastClientPasses() throws Exception {
        int port = start(0);
        String answer = exchange(port, new byte[200_000], 0);
        assertEquals("200000", answer.substring(answer.lastIndexOf('\n') + 1));
    }
}

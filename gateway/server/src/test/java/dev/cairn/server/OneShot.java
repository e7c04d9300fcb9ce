package dev.cairn.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One request over its own socket, for bytes no client library would send: writes them, closes
 * the sending side (so a body shorter than its Content-Length ends instead of hanging), and reads
 * the answer until the server closes the connection or the timeout passes.
 */
final class OneShot {
    /** @param status the first status code answered, or -1 when the server closed without one */
    record Result(int status, boolean timedOut, String text) {
    }

    private OneShot() {
    }

    static Result send(int port, byte[] request, int timeoutMillis) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(timeoutMillis);
            try {
                s.getOutputStream().write(request);
                s.getOutputStream().flush();
                s.shutdownOutput();
            } catch (IOException e) {
                // the server may answer and close before taking everything (e.g. 431, 413); read what it said
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            boolean timedOut = false;
            try {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[8192];
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    answer.write(buf, 0, n);
                }
            } catch (SocketTimeoutException e) {
                timedOut = true;
            } catch (IOException e) {
                // reset after the answer: what arrived still counts
            }
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            return new Result(status(text), timedOut, text);
        }
    }

    private static int status(String text) {
        if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
            return -1;
        }
        try {
            return Integer.parseInt(text.substring(9, 12));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

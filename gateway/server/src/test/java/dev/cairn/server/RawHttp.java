package dev.cairn.server;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection driven byte by byte, for what real clients hide: interim
 * {@code 100 Continue} answers, HEAD framing, and whether a second request on the same
 * connection is read as the server should.
 */
final class RawHttp implements Closeable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    record Response(int status, List<String> headerLines, byte[] body) {
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String h : headerLines) {
                if (h.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return h.substring(prefix.length()).trim();
                }
            }
            return null;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads one response (an interim 1xx one included). The body is framed by Content-Length or
     * chunked encoding, or read to the end of the stream; {@code head} reads no body at all.
     */
    Response read(boolean head) throws IOException {
        Response bare = readHead();
        int code = bare.status();
        List<String> headers = bare.headerLines();
        if (head || code < 200 || code == 204 || code == 304) {
            return bare;
        }
        String length = bare.header("Content-Length");
        if (length != null) {
            return new Response(code, headers, in.readNBytes(Integer.parseInt(length)));
        }
        if ("chunked".equalsIgnoreCase(bare.header("Transfer-Encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (byte[] chunk = nextChunk(); chunk.length > 0; chunk = nextChunk()) {
                body.write(chunk);
            }
            return new Response(code, headers, body.toByteArray());
        }
        return new Response(code, headers, in.readAllBytes());
    }

    /** Reads the status line and header block of one response, leaving its body unread. */
    Response readHead() throws IOException {
        String status = line();
        if (status == null) {
            throw new IOException("connection closed before a response");
        }
        List<String> headers = new ArrayList<>();
        for (String l = line(); l != null && !l.isEmpty(); l = line()) {
            headers.add(l);
        }
        return new Response(Integer.parseInt(status.split(" ")[1]), headers, new byte[0]);
    }

    /** The data of the next chunk of a chunked body; empty for the last chunk (its trailer is read too). */
    byte[] nextChunk() throws IOException {
        int n = Integer.parseInt(line().split(";")[0].trim(), 16);
        if (n == 0) {
            line();
            return new byte[0];
        }
        byte[] data = in.readNBytes(n);
        line();
        return data;
    }

    /** True when the server closed the connection: reading yields end of stream within the timeout. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /** Whatever else arrives within {@code millis}, for asserting that nothing does. */
    byte[] drain(int millis) throws IOException {
        socket.setSoTimeout(millis);
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                rest.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // nothing more came
        } catch (IOException e) {
            // reset after close: nothing more can come
        }
        return rest.toByteArray();
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return c == -1 && b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

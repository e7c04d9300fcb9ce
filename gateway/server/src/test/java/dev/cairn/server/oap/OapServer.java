package dev.cairn.server.oap;

import dev.cairn.server.CairnServer;
import dev.cairn.server.config.CairnConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real gateway on a loopback port with the memory backend, and clients to talk to it. */
final class OapServer implements AutoCloseable {
    static final String TOKEN = "secret-token";
    static final String AUTH = "Bearer " + TOKEN;

    final CairnServer server;
    final URI base;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private OapServer(CairnServer server) {
        this.server = server;
        this.base = server.baseUri();
    }

    /** Starts a server; {@code extra} overrides settings such as {@code oap.max-inflated}. */
    static OapServer start(Path dataDir, Map<String, String> extra) {
        Map<String, String> cfg = new HashMap<>(Map.of("http.port", "0", "http.host", "127.0.0.1", "backend", "memory",
                "oap.write-token", TOKEN, "data.dir", dataDir.toString(),
                "access-key", "test-access-key", "secret-key", "test-secret-key-0123456789"));
        cfg.putAll(extra);
        return new OapServer(CairnServer.start(CairnConfig.fromMap(cfg)));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> get(String path, String... headers) {
        return send(request(path).headers(withPairs(headers)).GET().build());
    }

    HttpResponse<byte[]> head(String path, String... headers) {
        return send(request(path).headers(withPairs(headers)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** An authorised write of {@code body} with a Content-Length. */
    HttpResponse<byte[]> write(String method, String path, byte[] body, String... headers) {
        return send(request(path).header("Authorization", AUTH).headers(withPairs(headers))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** The value of a Prometheus sample on {@code /metrics}, or 0 when absent. */
    double metric(String name, String label) {
        String text = new String(get("/metrics").body(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*" + Pattern.quote(label) + "[^}]*\\} (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String[] withPairs(String... headers) {
        // HttpRequest.Builder.headers() rejects an empty array
        return headers.length == 0 ? new String[] {"X-Test", "1"} : headers;
    }

    /** A response read from a raw socket. */
    record RawResponse(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Opens a raw connection; the caller writes the request itself. */
    Socket socket() throws IOException {
        Socket s = new Socket(base.getHost(), base.getPort());
        s.setSoTimeout(15_000);
        return s;
    }

    /** Sends {@code head} (request line and headers, CRLF-terminated, without the blank line) and {@code body}, then reads. */
    RawResponse raw(String head, byte[] body) throws IOException {
        try (Socket s = socket()) {
            OutputStream out = s.getOutputStream();
            out.write((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return readResponse(s.getInputStream());
        }
    }

    /** Reads one response: headers, then a Content-Length or chunked body (or until EOF). */
    static RawResponse readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.merge(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (status == 304 || status == 204 || status < 200) {
            return new RawResponse(status, headers, new byte[0]);
        }
        String length = headers.get("content-length");
        if (length != null) {
            body.write(in.readNBytes(Integer.parseInt(length)));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            in.transferTo(body);
        }
        return new RawResponse(status, headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    @Override
    public void close() {
        server.close();
    }
}

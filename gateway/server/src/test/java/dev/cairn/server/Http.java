package dev.cairn.server;

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
import java.time.Duration;

/** Small HTTP helpers for tests: a java.net.http client, and a raw socket for bytes no client would send. */
final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Http() {
    }

    /** Stores {@code body} with an OAP PUT (expects 201) and returns its Location path. */
    static String oapPut(CairnServer server, String token, byte[] body) throws IOException, InterruptedException {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve("/put")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new AssertionError("PUT answered " + r.statusCode() + ": " + r.body());
        }
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** The Prometheus text of /metrics. */
    static String scrape(CairnServer server) throws IOException, InterruptedException {
        return get(server.baseUri(), "/metrics").body();
    }

    /** The value of one series in a scrape, NaN when absent. */
    static double metric(String metrics, String series) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(series) + " ([0-9.E-]+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    static HttpResponse<String> get(URI base, String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code requestHead} (CRLF line ends added) and returns the whole response as text; the server closes the connection. */
    static String raw(CairnServer server, String... headLines) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            StringBuilder head = new StringBuilder();
            for (String line : headLines) {
                head.append(line).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        }
    }
}

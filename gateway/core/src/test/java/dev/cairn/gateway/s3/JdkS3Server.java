package dev.cairn.gateway.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.http.HttpCall;
import dev.cairn.gateway.http.HttpResult;
import dev.cairn.gateway.http.RequestIds;
import dev.cairn.gateway.http.ResponseBody;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link S3Api} behind the JDK's own HTTP server on a loopback port, keeping path and query
 * undecoded, so core tests can point the real AWS SDK at it. The Jetty server and its
 * real-client lanes live in the server and sdk-compat modules.
 */
public final class JdkS3Server implements AutoCloseable {
    private final HttpServer server;
    private final S3Api api;
    private final List<String> rawQueries = new CopyOnWriteArrayList<>();

    private JdkS3Server(S3Api api) {
        this.api = api;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    public static JdkS3Server start(S3Api api) {
        return new JdkS3Server(api);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * The real AWS SDK client pointed at this server: path-style, us-east-1, the test client's
     * keys, the URL-connection HTTP client, and the given request-checksum setting.
     */
    public software.amazon.awssdk.services.s3.S3Client client(
            software.amazon.awssdk.core.checksums.RequestChecksumCalculation calc) {
        return software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(S3TestClient.ACCESS_KEY,
                                S3TestClient.SECRET_KEY)))
                .requestChecksumCalculation(calc)
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .build();
    }

    /** Every raw query string received, in order. */
    public List<String> rawQueries() {
        return rawQueries;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            URI uri = ex.getRequestURI();
            rawQueries.add(String.valueOf(uri.getRawQuery()));
            String length = ex.getRequestHeaders().getFirst("Content-Length");
            // As the server's RequestObserver does: the id is assigned, and sent, outside the S3 API.
            String requestId = RequestIds.next();
            ex.getResponseHeaders().add("x-amz-request-id", requestId);
            HttpCall call = new HttpCall(ex.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                    Headers.of(Map.<String, List<String>>copyOf(ex.getRequestHeaders())), ex::getRequestBody,
                    length == null ? HttpCall.UNKNOWN_LENGTH : Long.parseLong(length), requestId);
            HttpResult result = api.handle(call);
            for (Map.Entry<String, String> h : result.headers()) {
                if (!h.getKey().equalsIgnoreCase("Content-Length")) {
                    ex.getResponseHeaders().add(h.getKey(), h.getValue());
                }
            }
            ResponseBody body = result.body();
            boolean noBody = body == null || ex.getRequestMethod().equals("HEAD") || result.status() == 304 || result.status() == 204;
            if (noBody) {
                String declared = result.header("Content-Length");
                if (declared != null && ex.getRequestMethod().equals("HEAD")) {
                    ex.getResponseHeaders().set("Content-Length", declared);
                }
                ex.sendResponseHeaders(result.status(), -1);
                if (body != null) {
                    body.close();
                }
                return;
            }
            try (body) {
                // the JDK server's 0 means chunked, -1 no body
                long bodyLength = body.length();
                ex.sendResponseHeaders(result.status(),
                        bodyLength == ResponseBody.UNKNOWN_LENGTH ? 0 : bodyLength == 0 ? -1 : bodyLength);
                try (OutputStream out = ex.getResponseBody()) {
                    body.writeTo(out);
                }
            }
        }
    }
}

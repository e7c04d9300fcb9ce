package dev.cairn.gateway.s3;

import dev.cairn.blob.BackendSettings;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.memory.MemoryBlobStoreProvider;
import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.http.HttpCall;
import dev.cairn.gateway.http.HttpResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Drives {@link S3Api} in-process with requests signed by the AWS SDK's own SigV4 signer (as its
 * S3 client configures it), over the real memory store. For handler tests; the real-client
 * lanes in the server module cover the wire.
 */
public final class S3TestClient {
    public static final String ACCESS_KEY = "CAIRNTESTACCESSKEY01";
    public static final String SECRET_KEY = "test-secret-key-test-secret-key-test-sec";
    public static final String REGION = "us-east-1";

    private final BlobStore store;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final S3Api api;

    public S3TestClient() {
        this(new MemoryBlobStoreProvider().open(new BackendSettings(Path.of("."), Map.of("memory.max-bytes", "64MiB"))));
    }

    public S3TestClient(BlobStore store) {
        this(store, UnaryOperator.identity());
    }

    /**
     * @param customize changes the default settings (one key pair {@link #ACCESS_KEY}, no public
     *     buckets), e.g. {@code s -> s.withAccess(keys, Set.of("pub"))}
     */
    public S3TestClient(BlobStore store, UnaryOperator<S3Settings> customize) {
        this.store = store;
        S3Settings settings = new S3Settings(REGION, false, null, ACCESS_KEY, SECRET_KEY, S3Settings.DEFAULT_MAX_PUT_SIZE,
                Duration.ofMinutes(15));
        this.api = S3Api.create(store, customize.apply(settings), registry, Clock.systemUTC());
    }

    /** Over a fresh memory store, with customized settings. */
    public static S3TestClient customized(UnaryOperator<S3Settings> customize) {
        return new S3TestClient(new MemoryBlobStoreProvider().open(new BackendSettings(Path.of("."), Map.of("memory.max-bytes", "64MiB"))),
                customize);
    }

    public BlobStore store() {
        return store;
    }

    public S3Api api() {
        return api;
    }

    /** The meters the API registered. */
    public SimpleMeterRegistry registry() {
        return registry;
    }

    /** A response with its body read. */
    public record Response(int status, HttpResult result, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return result.header(name);
        }
    }

    /** How to sign and frame the body. */
    public enum Payload {
        /** {@code x-amz-content-sha256: <hex>}. */
        SIGNED,
        /** {@code UNSIGNED-PAYLOAD}. */
        UNSIGNED,
        /** aws-chunked with signed chunks. */
        STREAMING
    }

    /** A request being built: {@code client.request("PUT", "/b/k").header(..).body(..).send()}. */
    public final class Request {
        private final String method;
        private final String encodedPath;
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private Payload payload = Payload.SIGNED;
        private String accessKey = ACCESS_KEY;
        private String secretKey = SECRET_KEY;
        private boolean anonymous;
        private UnaryOperator<byte[]> tamper = UnaryOperator.identity();

        private Request(String method, String encodedPath) {
            this.method = method;
            this.encodedPath = encodedPath;
        }

        /** A query parameter, unencoded (the SDK signer percent-encodes it); null value for a bare name. */
        public Request query(String name, String rawValue) {
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(rawValue == null ? "" : rawValue);
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        public Request body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Signs with another key pair. */
        public Request signedBy(String accessKeyId, String secret) {
            this.accessKey = accessKeyId;
            this.secretKey = secret;
            return this;
        }

        /** Sends the request without any signature, as an anonymous client would. */
        public Request anonymous() {
            this.anonymous = true;
            return this;
        }

        public Request payload(Payload p) {
            this.payload = p;
            return this;
        }

        /** Rewrites the body as sent on the wire, after signing (to forge a corrupt upload). */
        public Request tamper(UnaryOperator<byte[]> f) {
            this.tamper = f;
            return this;
        }

        public Response send() {
            return read(S3TestClient.this.exchange(this));
        }

        /** The API's answer with its body not yet written; the caller writes and closes it. */
        public HttpResult exchange() {
            return S3TestClient.this.exchange(this);
        }
    }

    public Request request(String method, String encodedPath) {
        return new Request(method, encodedPath);
    }

    private HttpResult exchange(Request r) {
        SdkHttpRequest.Builder b = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(r.method))
                // The SDK signer always signs the payload over plain http; UNSIGNED-PAYLOAD needs https
                // (the gateway never sees the scheme, only the Host header and the signature).
                .protocol(r.payload == Payload.UNSIGNED ? "https" : "http")
                .host("127.0.0.1")
                .port(9000)
                .encodedPath(r.encodedPath);
        r.query.forEach(b::putRawQueryParameter);
        r.headers.forEach(b::putHeader);
        if (r.body != null && r.payload != Payload.STREAMING) {
            b.putHeader("Content-Length", Integer.toString(r.body.length));
        }
        if (r.anonymous) {
            return deliver(r.method, b.build(), r.body == null ? new byte[0] : r.body);
        }
        SignedRequest signed = AwsV4HttpSigner.create().sign(s -> {
            s.identity(AwsCredentialsIdentity.create(r.accessKey, r.secretKey))
                    .request(b.build())
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                    .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, r.payload != Payload.UNSIGNED)
                    .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, r.payload == Payload.STREAMING)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.systemUTC());
            if (r.body != null) {
                s.payload(ContentStreamProvider.fromByteArray(r.body));
            }
        });
        byte[] wire = r.tamper.apply(r.body == null ? new byte[0] : signed.payload().map(p -> readAll(p.newStream())).orElse(r.body));
        return deliver(r.method, signed.request(), wire);
    }

    private HttpResult deliver(String method, SdkHttpRequest req, byte[] wire) {
        Headers headers = Headers.of(req.headers());
        String contentLength = headers.first("Content-Length");
        long length = contentLength != null ? Long.parseLong(contentLength) : wire.length;
        Map<String, List<String>> withHost = new LinkedHashMap<>(req.headers());
        withHost.putIfAbsent("Host", List.of("127.0.0.1:9000"));
        HttpCall call = new HttpCall(method, req.encodedPath(), req.encodedQueryParameters().orElse(null), Headers.of(withHost),
                () -> new ByteArrayInputStream(wire), length, null);
        return api.handle(call);
    }

    private static Response read(HttpResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (result.body() != null) {
            try (var body = result.body()) {
                body.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Response(result.status(), result, out.toByteArray());
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Never used by the SDK signer, kept to make unsigned bodies explicit in tests. */
    static ContentStreamProvider bytes(byte[] b) {
        return ContentStreamProvider.fromByteArray(b);
    }
}

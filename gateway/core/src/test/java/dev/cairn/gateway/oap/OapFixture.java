package dev.cairn.gateway.oap;

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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An {@link OapApi} over the real memory store, driven through {@link HttpCall}s. */
final class OapFixture {
    static final String TOKEN = "secret-token";
    static final String AUTH = "Bearer " + TOKEN;

    final BlobStore store;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final OapApi api;
    /** How many times a request body was opened. */
    final AtomicInteger bodiesOpened = new AtomicInteger();

    OapFixture() {
        this(new OapSettings(OapSettings.DEFAULT_MAX_BODY, OapSettings.DEFAULT_MAX_INFLATE_RATIO, OapSettings.DEFAULT_MAX_BODY,
                false, true, TOKEN, null));
    }

    OapFixture(OapSettings settings) {
        this(memoryStore(), settings);
    }

    OapFixture(BlobStore store, OapSettings settings) {
        this.store = store;
        this.api = new OapApi(store, settings, registry);
    }

    static BlobStore memoryStore() {
        return new MemoryBlobStoreProvider().open(new BackendSettings(Path.of("."), Map.of()));
    }

    /** A response with its body read. */
    record Reply(HttpResult result, byte[] body) {
        int status() {
            return result.status();
        }

        String header(String name) {
            return result.header(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Reply call(String method, String path, byte[] body, String... headers) {
        return call(method, path, new ByteArrayInputStream(body), body.length, headers);
    }

    Reply call(String method, String path, InputStream body, long contentLength, String... headers) {
        HttpCall call = new HttpCall(method, path, Headers.of(headers), () -> {
            bodiesOpened.incrementAndGet();
            return body;
        }, contentLength, "test-request");
        HttpResult r = api.handle(call);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (r.body() != null) {
            try (var b = r.body()) {
                b.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Reply(r, out.toByteArray());
    }

    Reply get(String path, String... headers) {
        return call("GET", path, new byte[0], headers);
    }

    Reply put(byte[] body, String... headers) {
        String[] h = new String[headers.length + 2];
        h[0] = "Authorization";
        h[1] = AUTH;
        System.arraycopy(headers, 0, h, 2, headers.length);
        return call("PUT", "/put", body, h);
    }

    double integrityFailures(String reason) {
        var c = registry.find("integrity.fail").tag("reason", reason).counter();
        return c == null ? 0 : c.count();
    }
}

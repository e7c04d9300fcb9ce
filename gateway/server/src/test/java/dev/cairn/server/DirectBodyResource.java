package dev.cairn.server;

import dev.cairn.blob.io.ByteSink;
import dev.cairn.gateway.http.HttpResult;
import dev.cairn.gateway.http.ResponseBody;
import dev.cairn.server.http.HttpBridge;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.CloseableService;

/**
 * Test-only endpoints that render bodies offering buffers through {@link HttpBridge}, recording
 * which path wrote them: {@code ok} (200 KiB, written in 64 KiB buffers) and {@code fail}
 * (declares 1 MiB, fails after 64 KiB).
 */
@Path("test-direct")
public final class DirectBodyResource {
    static final int FAIL_DECLARED = 1 << 20;
    private static final int OK_SIZE = 200 << 10;

    @Inject
    private Provider<org.eclipse.jetty.server.Response> jettyResponse;

    private volatile Boolean lastUsedBuffers;
    private volatile CountDownLatch closed = new CountDownLatch(1);

    static byte[] okBytes() {
        byte[] b = new byte[OK_SIZE];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    @GET
    @Path("ok")
    public Response ok(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return render(new Body(okBytes(), OK_SIZE), ctx, closer);
    }

    @GET
    @Path("fail")
    public Response fail(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return render(new Body(new byte[64 << 10], FAIL_DECLARED), ctx, closer);
    }

    private Response render(ResponseBody body, ContainerRequestContext ctx, CloseableService closer) {
        lastUsedBuffers = null;
        closed = new CountDownLatch(1);
        return HttpBridge.render(HttpResult.status(200).body(body).build(), ctx, closer, jettyResponse.get());
    }

    Boolean lastUsedBuffers() {
        return lastUsedBuffers;
    }

    boolean awaitClosed() throws InterruptedException {
        return closed.await(10, TimeUnit.SECONDS);
    }

    /** Writes {@code bytes}, then throws if that is short of the declared {@code length}. */
    private final class Body implements ResponseBody {
        private final byte[] bytes;
        private final long length;

        Body(byte[] bytes, long length) {
            this.bytes = bytes;
            this.length = length;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public boolean writeTo(ByteSink sink) throws IOException {
            lastUsedBuffers = true;
            for (int at = 0; at < bytes.length; at += 64 << 10) {
                sink.write(ByteBuffer.wrap(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + (64 << 10)))));
            }
            finish();
            return true;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            lastUsedBuffers = false;
            out.write(bytes);
            finish();
        }

        private void finish() throws IOException {
            if (bytes.length != length) {
                throw new IOException("source failed after " + bytes.length + " bytes");
            }
        }

        @Override
        public void close() {
            closed.countDown();
        }
    }
}

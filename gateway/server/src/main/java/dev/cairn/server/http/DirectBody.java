package dev.cairn.server.http;

import dev.cairn.blob.io.ByteSink;
import dev.cairn.gateway.http.ResponseBody;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.glassfish.jersey.message.internal.CommittingOutputStream;

/**
 * A body that may be written straight to Jetty's response as buffers (a file read into a direct
 * buffer, cached chunks) instead of through Jersey's entity stream, which takes only byte arrays:
 * a file's bytes would be copied into a heap array and again into a temporary direct buffer for
 * the socket (docs/adr/0019). {@link DirectBodyWriter}, a writer interceptor, does that where Jersey's own
 * committing stream is still in hand; Jersey keeps the exchange: it commits the status and
 * headers (set on Jetty's response, not yet sent, so they leave with the first buffer), closes the
 * entity stream and completes the exchange after the write, or aborts the response if it throws.
 * A body without buffers, or a stream some other interceptor replaced, takes the ordinary path
 * ({@link #write(OutputStream)}).
 */
final class DirectBody implements StreamingOutput {
    private final ResponseBody body;
    private final Response jetty;

    DirectBody(ResponseBody body, Response jetty) {
        this.body = body;
        this.jetty = jetty;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        body.writeTo(out);
    }

    /**
     * Writes the body's buffers to Jetty after {@code jersey} committed the head; false if the body
     * has none (nothing written).
     */
    boolean writeDirect(CommittingOutputStream jersey) throws IOException {
        return body.writeTo(new Sink(jersey, jetty));
    }

    /** Blocking writes to Jetty, the first one after Jersey committed the status and headers. */
    private static final class Sink implements ByteSink {
        private final CommittingOutputStream jersey;
        private final Response jetty;
        private boolean committed;

        Sink(CommittingOutputStream jersey, Response jetty) {
            this.jersey = jersey;
            this.jetty = jetty;
        }

        @Override
        public void write(ByteBuffer buffer) throws IOException {
            if (!committed) {
                jersey.commit(); // sets status and headers on Jetty's response; sends nothing yet
                committed = true;
            }
            if (!buffer.hasRemaining()) {
                return;
            }
            try (Blocker.Callback written = Blocker.callback()) {
                jetty.write(false, buffer, written);
                written.block();
            }
        }
    }
}

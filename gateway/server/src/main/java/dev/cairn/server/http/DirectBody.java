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
 * Writes a body's buffers (a file read into a direct buffer, cached chunks) straight to Jetty's
 * response instead of through Jersey's entity stream, which takes only byte arrays: a file's
 * bytes would be copied into a heap array and then again into a temporary direct buffer for the
 * socket (docs/adr/0019). Jersey still owns the exchange: it commits the status and headers
 * (set on Jetty's response, not yet sent, so they leave with the first buffer), and it closes
 * the entity stream and completes the exchange after this returns, or aborts the response if
 * this throws. A body without buffers, or a stream Jersey wrapped in something else, takes the
 * ordinary path.
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
        if (!(out instanceof CommittingOutputStream committing) || !body.writeTo(new Sink(committing, jetty))) {
            body.writeTo(out);
        }
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

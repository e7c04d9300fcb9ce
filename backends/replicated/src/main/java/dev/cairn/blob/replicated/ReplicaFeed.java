package dev.cairn.blob.replicated;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The body as one replica's write sees it: chunks handed over by the fan-out pump through a
 * bounded queue, and an end of stream that is held back until the fan-out releases it.
 *
 * <p>Holding the end back is what keeps the publish rule across replicas: a store publishes only
 * after its stream ends cleanly, so until {@link #release()} no replica can publish, and
 * {@link #abort} makes the final read throw instead, which publishes nothing there. The fan-out
 * therefore learns that every replica took every byte before any of them publishes.
 */
final class ReplicaFeed extends InputStream {
    private static final byte[] END = new byte[0];
    private static final long POLL_MILLIS = 50;

    private final ArrayBlockingQueue<byte[]> chunks;
    private final CompletableFuture<Void> arrived = new CompletableFuture<>();
    private final CompletableFuture<Void> release = new CompletableFuture<>();
    private volatile IOException aborted;
    private byte[] current;
    private int pos;
    private boolean ended;

    ReplicaFeed(int capacityChunks) {
        this.chunks = new ArrayBlockingQueue<>(capacityChunks);
    }

    // ---- the pump's side ------------------------------------------------------------------

    /** Hands over a chunk (never modified afterwards); false if the queue stayed full for the timeout. */
    boolean offer(byte[] chunk, long timeoutMillis) throws InterruptedException {
        return aborted != null || chunks.offer(chunk, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Hands over the end of the body; false if the queue stayed full for the timeout. */
    boolean offerEnd(long timeoutMillis) throws InterruptedException {
        return offer(END, timeoutMillis);
    }

    /** Completes when the consumer has read every byte and waits at the end of the body. */
    CompletableFuture<Void> arrived() {
        return arrived;
    }

    /** Lets the consumer see the end of the body, so its store may publish. */
    void release() {
        release.complete(null);
    }

    /** Makes the consumer's next read (or its wait at the end) throw, so its store publishes nothing. */
    void abort(String why) {
        if (aborted == null) {
            aborted = new IOException("replicated write aborted: " + why);
        }
        chunks.clear();
        release.completeExceptionally(aborted);
    }

    // ---- the replica's side ----------------------------------------------------------------

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            IOException failure = aborted;
            if (failure != null) {
                throw new IOException(failure.getMessage(), failure);
            }
            if (ended) {
                return awaitRelease();
            }
            if (current != null && pos < current.length) {
                int n = Math.min(len, current.length - pos);
                System.arraycopy(current, pos, b, off, n);
                pos += n;
                return n;
            }
            byte[] next;
            try {
                next = chunks.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("replicated write interrupted");
            }
            if (next == END) {
                ended = true;
                arrived.complete(null);
            } else if (next != null) {
                current = next;
                pos = 0;
            }
        }
    }

    @Override
    public int available() {
        return current == null ? 0 : current.length - pos;
    }

    private int awaitRelease() throws IOException {
        try {
            release.get();
            return -1;
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("replicated write interrupted");
        }
    }
}

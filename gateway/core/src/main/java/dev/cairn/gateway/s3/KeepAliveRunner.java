package dev.cairn.gateway.s3;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work that may outlast a client's read timeout (CompleteMultipartUpload on a slow store)
 * the way S3 does: an answer ready within {@link S3Settings.KeepAlive#after()} is returned as it
 * is, errors with their real status; past it the response is committed as {@code 200
 * application/xml} and keeps the connection alive with whitespace until the work ends
 * ({@link KeepAliveBody}).
 *
 * <p>The work runs on a bounded pool of daemon threads (at most {@link #MAX_THREADS}); when all
 * are busy it runs on the request's own thread, without keep-alive, rather than queueing. Work is
 * never interrupted or cancelled, not even when the client goes away: the store decides the
 * commit point, and an interrupted file channel would fail a publish half-way.
 *
 * <p>Thread-safe; one instance serves all requests.
 */
public final class KeepAliveRunner {
    /** Completions running concurrently in the background, at most. */
    static final int MAX_THREADS = 64;

    /** The work: returns the answer or throws what a handler throws. */
    @FunctionalInterface
    public interface Work {
        S3Response run() throws IOException;
    }

    private final S3Settings.KeepAlive settings;
    private final ThreadPoolExecutor pool;

    public KeepAliveRunner(S3Settings.KeepAlive settings) {
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        // no core threads and a hand-off queue: threads exist only while work runs (then idle out)
        this.pool = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "cairn-keepalive-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * Runs {@code work} for {@code request}.
     *
     * @return the work's own answer when it ended within the threshold (or keep-alive is off),
     *     else a {@code 200} whose body streams whitespace and then the outcome
     * @throws IOException whatever the work threw, when it failed within the threshold (its
     *     S3Exception, BlobStoreException or other RuntimeException is rethrown unchanged, too)
     */
    public S3Response run(S3Request request, Work work) throws IOException {
        if (!settings.enabled()) {
            return work.run();
        }
        Future<S3Response> future = pool.submit(work::run);
        try {
            return future.get(settings.after().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            return S3Response.stream(200, new KeepAliveBody(future, settings.interval(), request.resource(), request.requestId()))
                    .header("Content-Type", "application/xml");
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            // the work goes on (it is never cancelled); this request thread was asked to stop
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + request.resource());
        }
    }

    private static RuntimeException rethrow(Throwable cause) throws IOException {
        if (cause instanceof IOException io) {
            throw io;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(cause);
    }
}

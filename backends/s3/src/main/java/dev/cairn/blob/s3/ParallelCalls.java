package dev.cairn.blob.s3;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs the independent backend calls of one operation side by side (a completion's part HEADs
 * and UploadPartCopy calls), at most {@value #WIDTH} at a time for the whole store, so a
 * thousand-part completion costs about a thousand round trips divided by the width rather than
 * a thousand, without letting one completion take every pooled connection.
 */
final class ParallelCalls implements AutoCloseable {
    static final int WIDTH = 8;
    private final ExecutorService pool = Executors.newFixedThreadPool(WIDTH, r -> {
        Thread t = new Thread(r, "cairn-s3-parallel");
        t.setDaemon(true);
        return t;
    });

    /**
     * {@code call} applied to every item, in the items' order (results may be null).
     *
     * @throws RuntimeException the first failure in item order, after the calls not yet started
     *     are cancelled; {@link BlobStoreException} {@link BlobError#UNAVAILABLE} if the caller is
     *     interrupted while waiting
     */
    <T, R> List<R> map(List<T> items, Function<T, R> call) {
        if (items.size() <= 1) {
            List<R> one = new ArrayList<>(items.size());
            items.forEach(item -> one.add(call.apply(item)));
            return one;
        }
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> call.apply(item)));
        }
        List<R> out = new ArrayList<>(items.size());
        try {
            for (Future<R> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(false));
            Thread.currentThread().interrupt();
            throw new BlobStoreException(BlobError.UNAVAILABLE, S3BlobStore.ID, null, null, "interrupted while waiting for the backend", e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

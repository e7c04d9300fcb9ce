package dev.cairn.blob.testkit;

import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Races {@code n} writes of one key and reports how each ended, so a test can check that an
 * atomic precondition let exactly one through.
 *
 * <p>Each contender's body blocks on its first read until every contender is reading its body
 * (or a shared two-second deadline passes, so a store that serialises writes per key is merely
 * slowed down). That puts all writes past any early precondition check at once, turning a
 * check-then-publish race into a certain failure instead of a rare one.
 */
final class WriteRace {
    /** How one contender ended: the info it got, or the store's refusal. */
    record Outcome(int contender, ObjectInfo info, BlobStoreException failure) {
    }

    /** One contender's write of its body. */
    @FunctionalInterface
    interface Contender {
        ObjectInfo write(int contender, ObjectSource body);
    }

    private static final long RENDEZVOUS_NANOS = TimeUnit.SECONDS.toNanos(2);

    private WriteRace() {
    }

    static List<Outcome> run(int n, IntFunction<byte[]> bodies, Contender write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch reading = new CountDownLatch(n);
        long deadline = System.nanoTime() + RENDEZVOUS_NANOS;
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int contender = i;
                byte[] data = bodies.apply(i);
                futures.add(pool.submit((Callable<Outcome>) () -> {
                    ready.countDown();
                    go.await();
                    ObjectSource body = new ObjectSource(new Rendezvous(data, reading, deadline), data.length);
                    try {
                        return new Outcome(contender, write.write(contender, body), null);
                    } catch (BlobStoreException e) {
                        return new Outcome(contender, null, e);
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A body whose first read waits for the other contenders to start reading theirs. */
    private static final class Rendezvous extends InputStream {
        private final InputStream data;
        private final CountDownLatch reading;
        private final long deadline;
        private boolean arrived;

        Rendezvous(byte[] data, CountDownLatch reading, long deadline) {
            this.data = new ByteArrayInputStream(data);
            this.reading = reading;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            arrive();
            return data.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arrive();
            return data.read(b, off, len);
        }

        private void arrive() throws IOException {
            if (arrived) {
                return;
            }
            arrived = true;
            reading.countDown();
            try {
                reading.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("write race interrupted");
            }
        }
    }
}

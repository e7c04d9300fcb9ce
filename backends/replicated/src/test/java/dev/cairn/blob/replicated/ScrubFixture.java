package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.testkit.faults.Faults;
import dev.cairn.blob.testkit.faults.FaultyBlobStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The scan, scrub and repair of a set of local replicas (real files) wired by hand, so a test runs
 * exactly one scan pass ({@link #scanOnce}) and then the repairs it queued ({@link #repairAll}).
 * Each replica sits behind a {@link FaultyBlobStore} only to count its calls.
 */
final class ScrubFixture implements AutoCloseable {
    final List<Path> dirs = new ArrayList<>();
    final List<BlobStore> locals = new ArrayList<>();
    final List<Faults> faults = new ArrayList<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ReplicaSet set;
    private final RepairQueue queue;
    private final HedgedReads reads;
    private final Repairer repairer;
    private final AntiEntropyScan scan;

    ScrubFixture(Path root, int n, long scrubRate) {
        List<Replica> replicas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path dir = root.resolve("l" + i);
            BlobStore local = ReplicaStores.local(dir);
            Faults f = new Faults();
            dirs.add(dir);
            locals.add(local);
            faults.add(f);
            replicas.add(new Replica("r" + i, FaultyBlobStore.wrap(local, f)));
        }
        set = new ReplicaSet(replicas);
        ReplicationMetrics metrics = new ReplicationMetrics(registry);
        ReplicaCalls calls = new ReplicaCalls(set, executor);
        queue = new RepairQueue(1000, n, metrics);
        reads = new HedgedReads(set.replicas(), HedgeSettings.defaults(), 1, queue, registry);
        repairer = new Repairer(set, calls, new ObjectCopier(metrics.repairBytes()), reads::repaired);
        Scrubber scrubber = new Scrubber(set, scrubRate, metrics, reads::corruptAtRest);
        scan = new AntiEntropyScan(set, calls, queue, 1_000_000, scrubber);
    }

    /** Writes {@code data} to every replica directly (the scan, not the write path, is under test). */
    ObjectInfo putEverywhere(BlobKey key, byte[] data) {
        ensureBucket(key.bucket());
        ObjectInfo first = null;
        for (BlobStore s : locals) {
            ObjectInfo info = s.write(key, ObjectSource.of(data), WriteOptions.DEFAULTS);
            first = first == null ? info : first;
        }
        return first;
    }

    ObjectInfo putMultipartEverywhere(BlobKey key, List<byte[]> parts) {
        ensureBucket(key.bucket());
        return HedgeFixture.putMultipart(locals, key, parts);
    }

    private void ensureBucket(String bucket) {
        for (BlobStore s : locals) {
            if (!s.bucketExists(bucket)) {
                s.createBucket(bucket);
            }
        }
    }

    void scanOnce() {
        scan.runOnce();
    }

    /** Runs every queued repair to its end; returns how many ran. */
    int repairAll() throws InterruptedException {
        int n = 0;
        RepairTask task;
        while ((task = queue.take(0)) != null) {
            try {
                repairer.repair(task, new TokenBucket(1L << 40, 1L << 40));
            } finally {
                queue.done(task);
            }
            n++;
        }
        return n;
    }

    boolean suspect(BlobKey key, int replica) {
        return reads.suspect(key, replica);
    }

    double counter(String name, String... tags) {
        return registry.get(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
    }

    double atRest() {
        return counter("integrity.fail", "reason", "at_rest");
    }

    /** Flips one bit of the byte at {@code offset} of a file, in place, as bit rot would. */
    static void flipByte(Path file, long offset) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ 0x40);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object file of a single-part object on replica {@code i} (its bytes lead the file). */
    Path objectFile(int i, BlobKey key) {
        return objectFile(dirs.get(i), key);
    }

    /** The object file of a single-part object in the local store rooted at {@code root}. */
    static Path objectFile(Path root, BlobKey key) {
        String name = key.key().substring(key.key().lastIndexOf('/') + 1);
        return only(root.resolve("buckets").resolve(key.bucket()), name + "@");
    }

    /** Part file {@code part} (1-based) of a completed multipart object on replica {@code i}. */
    Path segmentFile(int i, BlobKey key, int part) {
        return only(dirs.get(i).resolve("segments").resolve(key.bucket()), String.format("part-%05d", part));
    }

    private static Path only(Path dir, String name) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> found = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().equals(name)).toList();
            if (found.size() != 1) {
                throw new AssertionError("expected one file " + name + " under " + dir + ", found " + found
                        + " (has the local backend's layout changed?)");
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        reads.close();
        executor.shutdownNow();
        locals.forEach(BlobStore::close);
    }
}

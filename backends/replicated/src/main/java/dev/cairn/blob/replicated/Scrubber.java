package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scrub: reads every copy of a key's good version back in full and checks its bytes against
 * the stored BLAKE3 (composite for multipart objects, as {@link VerifyOnRead} does), so bit rot on
 * a replica that reads never reach is found. A mismatch, or a copy with too few or too many bytes,
 * is reported to {@code corrupt} (which counts {@code integrity.fail{reason="at_rest"}} and queues a
 * CORRUPT repair). A read that breaks (a timeout, a lost connection to a remote replica) says
 * nothing about the stored bytes: it is logged and the copy is checked again on the next pass, so
 * a flaky network never raises the corruption alert or triggers a needless recopy. Reads are paced by their own bytes-per-second {@link TokenBucket} and counted as
 * {@code scrub.bytes}, so a scrub stays a trickle next to client traffic. Objects without a stored
 * BLAKE3 are skipped and counted as {@code scrub.skipped}. Used by one scan thread at a time.
 */
final class Scrubber {
    private static final Logger LOG = LoggerFactory.getLogger(Scrubber.class);
    private static final int CHUNK = 64 * 1024;

    private final ReplicaSet replicas;
    private final TokenBucket pacer;
    private final Counter scrubbed;
    private final Counter skipped;
    private final BiConsumer<BlobKey, Integer> corrupt;
    private final byte[] buffer = new byte[CHUNK];
    /** {@link #verify}'s answer for a read that broke: no verdict on the copy this pass. */
    private static final String BROKEN = "broken";

    /**
     * @param bytesPerSecond the pace; 0 makes a scrubber that reads nothing
     * @param corrupt told each (key, replica) whose copy failed the check
     */
    Scrubber(ReplicaSet replicas, long bytesPerSecond, ReplicationMetrics metrics, BiConsumer<BlobKey, Integer> corrupt) {
        this.replicas = replicas;
        this.pacer = bytesPerSecond > 0 ? new TokenBucket(bytesPerSecond, TokenBucket.burstFor(bytesPerSecond)) : null;
        this.scrubbed = metrics.scrubBytes();
        this.skipped = metrics.scrubSkipped();
        this.corrupt = corrupt;
    }

    boolean enabled() {
        return pacer != null;
    }

    /**
     * Checks the copies in {@code versions} whose identity is {@code good}.
     *
     * @throws InterruptedException when the scan is stopped while a read is paced
     */
    void scrub(BlobKey key, Map<Integer, ObjectInfo> versions, String good) throws InterruptedException {
        if (pacer == null) {
            return;
        }
        for (Map.Entry<Integer, ObjectInfo> e : versions.entrySet()) {
            if (ObjectCopier.identity(e.getValue()).equals(good)) {
                check(key, e.getKey(), good);
            }
        }
    }

    private void check(BlobKey key, int replica, String good) throws InterruptedException {
        ObjectReader reader;
        try {
            reader = replicas.store(replica).read(key, ReadOptions.WHOLE);
        } catch (BlobStoreException e) {
            if (e.error() == BlobError.NO_SUCH_KEY || e.error() == BlobError.NO_SUCH_BUCKET || e.error().retryable()) {
                // deleted since the listing, or the replica is unreachable: nothing to judge this pass
                LOG.debug("scrub skipped {} on {}: {}", key, replicas.name(replica), e.getMessage());
                return;
            }
            reportCorrupt(key, replica, "opening it failed: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            reportCorrupt(key, replica, "opening it failed: " + e);
            return;
        }
        try (reader) {
            ObjectInfo info = reader.info();
            if (!ObjectCopier.identity(info).equals(good)) {
                LOG.debug("scrub skipped {} on {}: overwritten since the listing", key, replicas.name(replica));
                return;
            }
            VerifyingDigest digest = VerifyingDigest.expecting(info);
            if (digest == null) {
                skipped.increment();
                LOG.debug("scrub skipped {} on {}: no stored BLAKE3 to check", key, replicas.name(replica));
                return;
            }
            String problem = verify(reader.stream(), digest, info.size(), key, replica);
            if (problem == BROKEN) {
                return;
            }
            if (problem != null) {
                reportCorrupt(key, replica, problem);
            }
        } catch (IOException e) {
            // only close failed: the verdict stands
            LOG.debug("scrub of {} on {}: closing the read failed: {}", key, replicas.name(replica), e.getMessage());
        }
    }

    /**
     * Reads {@code in} to its end, paced; the problem found, null when the bytes match, or
     * {@link #BROKEN} when the read failed before the end (logged; no verdict).
     *
     * @throws InterruptedException when the scan thread was interrupted (the set is closing): no
     *     verdict, nothing reported
     */
    private String verify(InputStream in, VerifyingDigest digest, long size, BlobKey key, int replica) throws InterruptedException {
        long count = 0;
        try (InputStream paced = new PacedInputStream(in, pacer, scrubbed)) {
            int n;
            while ((n = paced.read(buffer, 0, buffer.length)) >= 0) {
                count += n;
                digest.update(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            // the pacer sets the flag before it throws; a socket timeout (also an InterruptedIOException) does not
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("scrub stopped");
            }
            LOG.warn("scrub of {}/{} on replica {}: the read broke after {} of {} bytes ({}); checked again next pass",
                    key.bucket(), key.key(), replicas.name(replica), count, size, e.getMessage());
            return BROKEN;
        }
        if (count != size) {
            return "the copy has " + count + " bytes, the object " + size;
        }
        return digest.matches() ? null : "the bytes do not match the stored BLAKE3";
    }

    private void reportCorrupt(BlobKey key, int replica, String problem) {
        LOG.warn("scrub: replica {} holds a bad copy of {}/{}: {}; queued for repair", replicas.name(replica), key.bucket(), key.key(),
                problem);
        corrupt.accept(key, replica);
    }
}

package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ReadOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The read side of a replica set: {@code stat}, {@code read}, {@code list}, {@code bucketExists}
 * and {@code listBuckets} — the idempotent calls, the only ones hedged — asked of the replicas in
 * preference order (docs/adr/0016).
 *
 * <p><b>Hedging.</b> The first replica in the call's order is asked first; if it has not answered
 * within {@link HedgeSettings#delay()}, the next is asked too, and so on, while the {@link HedgeBudget}
 * allows (at most {@link HedgeSettings#budget()} hedges per first request). The first success
 * wins; answers that lose are discarded, readers closed. Calls in flight are not interrupted
 * (an interrupt would close a local store's file channels); their answers are closed when they come.
 *
 * <p><b>Order.</b> The configured preference (the list's order), except that a replica whose
 * latency estimate exceeds the hedge delay, or whose last answer was a retryable error, is asked
 * behind the healthy ones; one call in {@value HedgeOrder#DEFAULT_PROBE_EVERY} also asks a demoted
 * replica in parallel (a probe, paid from the budget) so its recovery is seen ({@link HedgeOrder}).
 * Reads, metadata calls (stat, bucketExists) and listings keep separate estimates: their latencies
 * differ by nature.
 *
 * <p><b>Answers.</b> A retryable error ({@link BlobError#retryable()}) moves on to the next replica
 * at once: that failover is not a hedge and needs no budget. A final error (PRECONDITION_FAILED,
 * NOT_MODIFIED, INVALID_RANGE, …) is the answer. "Absent" ({@link BlobError#NO_SUCH_KEY},
 * {@link BlobError#NO_SUCH_BUCKET}) is final only once {@code absentQuorum} replicas have said so,
 * so a write acknowledged at quorum is never answered 404 by a replica it has not reached yet; the
 * replicas that answered absent for a key another replica then served are reported to the repair
 * sink as MISSING. When every replica failed, the last error that moved the read on is thrown.
 *
 * <p><b>Verification.</b> Whole-object reads are checked against the stored BLAKE3
 * ({@link VerifyOnRead}); a corrupt copy counts {@code integrity.fail{reason="at_rest"}}, is
 * queued for CORRUPT repair, and is asked last for that key until {@link #repaired} is called.
 *
 * <p><b>Metrics.</b> {@code hedges{outcome}}: {@code primary_won} and {@code hedge_won} once per
 * call that sent a hedge, by which kind of request answered; {@code budget_exhausted} once per
 * call whose delay passed with no budget left; {@code failover} once per replica asked because
 * the previous one failed.
 */
final class HedgedReads implements AutoCloseable {
    private final List<Replica> replicas;
    private final HedgeMetrics metrics;
    private final HedgeSuspects suspects = new HedgeSuspects(HedgeSuspects.DEFAULT_CAPACITY);
    private final VerifyOnRead verifier;
    private final ExecutorService executor;
    private final HedgeRace.Plan plan;
    private final HedgeOrder readOrder;
    private final HedgeOrder metadataOrder;
    private final HedgeOrder listingOrder;

    /**
     * @param absentQuorum replicas that must answer NO_SUCH_KEY / NO_SUCH_BUCKET before the read
     *     answers it: 1 when every write reaches every replica, {@code rf - writeQuorum + 1} otherwise
     * @param registry receives {@code hedges} and {@code integrity.fail}; null keeps them private
     * @throws IllegalArgumentException for no replicas, more than {@value HedgeOrder#MAX_REPLICAS},
     *     or an absentQuorum outside 1..replicas
     */
    HedgedReads(List<Replica> replicas, HedgeSettings settings, int absentQuorum, RepairSink repairs, MeterRegistry registry) {
        this(replicas, settings, absentQuorum, repairs, registry, true);
    }

    /**
     * As above; {@code adaptiveOrder} false asks the replicas in configured order on every call
     * (tests and benchmarks compare the two).
     *
     * @throws IllegalArgumentException as above
     */
    HedgedReads(List<Replica> replicas, HedgeSettings settings, int absentQuorum, RepairSink repairs, MeterRegistry registry,
            boolean adaptiveOrder) {
        if (replicas.isEmpty() || replicas.size() > HedgeOrder.MAX_REPLICAS) {
            throw new IllegalArgumentException("need 1.." + HedgeOrder.MAX_REPLICAS + " replicas");
        }
        if (absentQuorum < 1 || absentQuorum > replicas.size()) {
            throw new IllegalArgumentException("absentQuorum must be 1.." + replicas.size());
        }
        this.replicas = List.copyOf(replicas);
        this.metrics = new HedgeMetrics(registry);
        this.verifier = new VerifyOnRead(settings.verifyBuffer(), metrics, repairs, suspects);
        this.executor = Executors.newCachedThreadPool(daemonThreads("cairn-hedge-"));
        this.plan = new HedgeRace.Plan(executor, nanos(settings.delay()), new HedgeBudget(settings.budget()), absentQuorum,
                metrics, repairs);
        this.readOrder = new HedgeOrder(replicas.size(), plan.delayNanos(), adaptiveOrder, HedgeOrder.DEFAULT_PROBE_EVERY);
        this.metadataOrder = new HedgeOrder(replicas.size(), plan.delayNanos(), adaptiveOrder, HedgeOrder.DEFAULT_PROBE_EVERY);
        this.listingOrder = new HedgeOrder(replicas.size(), plan.delayNanos(), adaptiveOrder, HedgeOrder.DEFAULT_PROBE_EVERY);
    }

    /** @throws BlobStoreException as {@link dev.cairn.blob.BlobStore#stat}, answered as described above */
    ObjectInfo stat(BlobKey key) {
        return race(metadataOrder, null, key, r -> replicas.get(r).store().stat(key), ignored -> { });
    }

    /**
     * A read, verified where it covers the whole object.
     *
     * @throws BlobStoreException as {@link dev.cairn.blob.BlobStore#read}; INTERNAL when every
     *     replica that had the object failed verification
     */
    ObjectReader read(BlobKey key, ReadOptions options) {
        return race(readOrder, key, key, r -> verifier.open(replicas.get(r), r, key, options),
                VerifyOnRead::closeQuietly);
    }

    /** @throws BlobStoreException as {@link dev.cairn.blob.BlobStore#list} */
    ListPage list(ListRequest request) {
        return race(listingOrder, null, null, r -> replicas.get(r).store().list(request), ignored -> { });
    }

    /** @throws BlobStoreException when no replica could answer */
    boolean bucketExists(String bucket) {
        return race(metadataOrder, null, null, r -> replicas.get(r).store().bucketExists(bucket), ignored -> { });
    }

    /** @throws BlobStoreException when no replica could answer */
    List<BucketInfo> listBuckets() {
        return race(listingOrder, null, null, r -> replicas.get(r).store().listBuckets(), ignored -> { });
    }

    /**
     * Tells the reads that {@code key}'s copy on replica {@code replica} (its index in the set) is
     * good again — a write or a repair published it there — so a copy marked suspect after a failed
     * verification is preferred again. Cheap; call it after every successful replica write.
     */
    void repaired(BlobKey key, int replica) {
        suspects.clear(key, replica);
    }

    /**
     * Reports that {@code key}'s copy on replica {@code replica} failed verification outside a read
     * (the scrub found it): counted as {@code integrity.fail{reason="at_rest"}} like a read's
     * mismatch, asked last by reads and queued for a CORRUPT repair.
     */
    void corruptAtRest(BlobKey key, int replica) {
        verifier.corrupt(key, replica);
    }

    /** Whether reads of {@code key} currently ask replica {@code replica} last. */
    boolean suspect(BlobKey key, int replica) {
        return suspects.isSuspect(key, replica);
    }

    /** Answers that lost a race and were discarded (readers closed) so far. */
    long discardedLosers() {
        return metrics.closedLosers();
    }

    /**
     * @param suspectsOf when not null, the replicas whose copy of this key failed verification go last
     * @param key the object concerned, for MISSING repairs
     */
    private <T> T race(HedgeOrder ranking, BlobKey suspectsOf, BlobKey key, HedgeRace.Call<T> call, Consumer<T> discard) {
        int probe = ranking.probeDue();
        if (probe >= 0 && (suspectsOf != null && suspects.isSuspect(suspectsOf, probe) || !plan.budget().tryHedge())) {
            // a probe is a hedge sent at once: without a token (or to a known-corrupt copy) it is skipped
            probe = -1;
        }
        int[] order = ranking.order(probe);
        if (suspectsOf != null) {
            suspects.moveLast(suspectsOf, order);
        }
        return new HedgeRace<>(plan, ranking, order, probe >= 0 && order[1] == probe, key, call, discard).run();
    }

    private static long nanos(Duration d) {
        return d.compareTo(Duration.ofNanos(HedgeRace.Plan.NEVER)) >= 0 ? HedgeRace.Plan.NEVER : d.toNanos();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops taking calls; replica calls in flight finish on their own (they are never interrupted). */
    @Override
    public void close() {
        executor.shutdown();
    }
}

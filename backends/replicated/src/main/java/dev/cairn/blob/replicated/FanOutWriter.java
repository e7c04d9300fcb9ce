package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.IntegrityException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;

/**
 * Streams one body to several replicas at once, reading the client's stream exactly once.
 *
 * <p>One pump (the caller's thread) reads the body in 64 KiB chunks through a
 * {@link LengthCheckingInputStream#checking check} of the declared length and expected digests, and hands
 * each chunk to every replica's {@link ReplicaFeed}; each replica's write consumes its feed on its
 * own thread. No replica sees the end of the body until the pump has verified it and enough
 * replicas have taken every byte, so:
 * <ul>
 * <li>a bad digest or length, or a failing client stream, aborts every feed: nothing is
 *     published anywhere and nothing needs repair;</li>
 * <li>under ALL, a replica that fails before the end aborts every feed, so the previous version
 *     stays everywhere;</li>
 * <li>under QUORUM, a replica whose queue stays full longer than the lag grace is cut off (its
 *     feed aborted, so it publishes nothing) and queued for repair, while the others go on;</li>
 * <li>a conditional write releases the authority first and the others only if it published.</li>
 * </ul>
 * A replica that fails after its release (the publish itself) is the one case where some
 * replicas hold the new version and others do not; those are queued for repair.
 */
final class FanOutWriter {
    static final int CHUNK = 64 * 1024;
    static final int QUEUE_CHUNKS = 16;

    private final ReplicaCalls calls;
    private final long lagGraceMillis;

    FanOutWriter(ReplicaCalls calls, long lagGraceMillis) {
        this.calls = calls;
        this.lagGraceMillis = lagGraceMillis;
    }

    /** One replica's write of the fanned-out body. */
    @FunctionalInterface
    interface Sink<R> {
        R write(int replica, ObjectSource body);
    }

    /**
     * How a fan-out is acknowledged.
     *
     * @param targets the replicas to write, in preference order
     * @param needed successes required (all targets under ALL, the write quorum under QUORUM)
     * @param cutLaggards whether a replica that falls behind may be cut off (QUORUM)
     * @param authority the replica that decides a conditional write, released first; -1 for none
     * @param repair called (possibly later, from another thread) for each target that did not
     *     publish, when at least one did
     */
    record Plan(List<Integer> targets, int needed, boolean cutLaggards, int authority, IntConsumer repair) {
        Plan {
            targets = List.copyOf(targets);
            if (authority >= 0 && !targets.contains(authority)) {
                throw new IllegalArgumentException("the authority must be a target");
            }
        }
    }

    /**
     * Writes {@code source} to every target of {@code plan}.
     *
     * @return the result of the authority, or else of the most preferred replica that published
     * @throws BlobStoreException {@link BlobError#BAD_DIGEST} for a body that fails its length or
     *     digest checks (nothing published); {@link BlobError#INTERNAL} when the client's stream
     *     fails; the authority's error when it refuses a conditional write; otherwise the error of
     *     the most preferred replica that failed, when fewer than {@code needed} published
     */
    <R> R write(BlobKey key, ObjectSource source, Map<ChecksumAlgorithm, String> expected, Plan plan, Sink<R> sink) {
        List<Integer> targets = plan.targets();
        if (targets.size() < plan.needed()) {
            throw new BlobStoreException(BlobError.UNAVAILABLE, ReplicaCalls.STORE_ID, key,
                    "only " + targets.size() + " replicas to write, " + plan.needed() + " needed");
        }
        Map<Integer, ReplicaFeed> feeds = new TreeMap<>();
        for (int i : targets) {
            feeds.put(i, new ReplicaFeed(QUEUE_CHUNKS));
        }
        java.util.Set<Integer> abortedByUs = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<ReplicaCalls.Attempt<R>> attempts = calls.start(targets,
                i -> sink.write(i, new ObjectSource(feeds.get(i), source.length())), abortedByUs::contains);
        Map<Integer, CompletableFuture<R>> futures = new HashMap<>();
        attempts.forEach(a -> futures.put(a.replica(), a.future()));
        Run<R> run = new Run<>(key, plan, feeds, futures, attempts, abortedByUs);
        try {
            run.pump(LengthCheckingInputStream.checking(source, expected));
            return run.settle();
        } catch (RuntimeException | Error e) {
            run.abortAll(e.getMessage());
            throw e;
        }
    }

    /** The state of one fan-out. */
    private final class Run<R> {
        private final BlobKey key;
        private final Plan plan;
        private final Map<Integer, ReplicaFeed> feeds;
        private final Map<Integer, CompletableFuture<R>> futures;
        private final List<ReplicaCalls.Attempt<R>> attempts;
        /** Replicas still being fed. */
        private final List<Integer> live;
        /** Replicas whose write we ended by aborting its feed: their failures are ours, not theirs. */
        private final java.util.Set<Integer> abortedByUs;

        Run(BlobKey key, Plan plan, Map<Integer, ReplicaFeed> feeds, Map<Integer, CompletableFuture<R>> futures,
                List<ReplicaCalls.Attempt<R>> attempts, java.util.Set<Integer> abortedByUs) {
            this.key = key;
            this.abortedByUs = abortedByUs;
            this.plan = plan;
            this.feeds = feeds;
            this.futures = futures;
            this.attempts = attempts;
            this.live = new ArrayList<>(plan.targets());
        }

        void pump(InputStream body) {
            try {
                byte[] buf = new byte[CHUNK];
                int n;
                while ((n = body.read(buf, 0, CHUNK)) >= 0) {
                    if (n > 0) {
                        byte[] chunk = java.util.Arrays.copyOf(buf, n);
                        deliver(feed -> feed.offer(chunk, lagGraceMillis));
                    }
                }
                deliver(feed -> feed.offerEnd(lagGraceMillis));
            } catch (IntegrityException e) {
                abortAndDrain("bad body");
                throw new BlobStoreException(BlobError.BAD_DIGEST, ReplicaCalls.STORE_ID, key, e.getMessage(), e);
            } catch (IOException e) {
                abortAndDrain("the body failed");
                throw new BlobStoreException(BlobError.INTERNAL, ReplicaCalls.STORE_ID, key, "reading the body failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abortAll("interrupted");
                throw new BlobStoreException(BlobError.UNAVAILABLE, ReplicaCalls.STORE_ID, key, "interrupted", e);
            }
        }

        /** Hands something to every live feed, dropping replicas that ended early or fell behind. */
        private void deliver(Offer offer) throws InterruptedException {
            for (int i : List.copyOf(live)) {
                ReplicaFeed feed = feeds.get(i);
                while (true) {
                    if (futures.get(i).isDone()) {
                        lose(i, "its write ended before the body did");
                        break;
                    }
                    if (offer.to(feed)) {
                        break;
                    }
                    if (plan.cutLaggards()) {
                        abort(i, "replica fell behind by more than " + lagGraceMillis + " ms");
                        lose(i, "fell behind");
                        break;
                    }
                }
            }
        }

        private void lose(int i, String why) {
            live.remove(Integer.valueOf(i));
            if (live.size() < plan.needed() || i == plan.authority()) {
                throw quorumLost(why);
            }
        }

        private BlobStoreException quorumLost(String why) {
            abortAndDrain("too few replicas left");
            ReplicaCalls.Tally<R> t = ReplicaCalls.tally(attempts);
            Map<Integer, RuntimeException> real = realFailures(t.failures());
            if (plan.authority() >= 0 && real.containsKey(plan.authority())) {
                RuntimeException e = real.get(plan.authority());
                if (e instanceof BlobStoreException b) {
                    return b;
                }
            }
            return calls.failure("write (" + why + ")", key, real, 0, plan.needed());
        }

        /** Failures other than the ones our own abort caused. */
        private Map<Integer, RuntimeException> realFailures(Map<Integer, RuntimeException> failures) {
            Map<Integer, RuntimeException> real = new TreeMap<>();
            failures.forEach((i, e) -> {
                if (!abortedByUs.contains(i)) {
                    real.put(i, e);
                }
            });
            return real;
        }

        /** Aborts every feed and waits until every replica's write has ended, so none outlives the call. */
        private void abortAndDrain(String why) {
            abortAll(why);
            ReplicaCalls.drain(attempts);
        }

        void abortAll(String why) {
            feeds.keySet().forEach(i -> abort(i, why));
        }

        private void abort(int i, String why) {
            if (!futures.get(i).isDone()) {
                abortedByUs.add(i);
            }
            feeds.get(i).abort(why);
        }

        /** After the whole body went out: release the feeds in order and wait for enough publishes. */
        R settle() {
            int needed = plan.needed();
            awaitArrivals(needed);
            List<Integer> released = new ArrayList<>();
            if (plan.authority() >= 0) {
                int auth = plan.authority();
                feeds.get(auth).release();
                released.add(auth);
                try {
                    futures.get(auth).join();
                } catch (RuntimeException e) {
                    abortAndDrain("the authority refused the write");
                    RuntimeException cause = ReplicaCalls.cause(e);
                    throw cause instanceof BlobStoreException b ? b
                            : new BlobStoreException(BlobError.INTERNAL, ReplicaCalls.STORE_ID, key, cause.getMessage(), cause);
                }
            }
            for (int i : live) {
                if (!released.contains(i)) {
                    // a replica still draining its queue is released when it gets to the end
                    feeds.get(i).arrived().thenRun(feeds.get(i)::release);
                }
            }
            scheduleRepairs();
            // replicas cut off while streaming cannot publish: only the live ones are waited for
            List<ReplicaCalls.Attempt<R>> running = attempts.stream().filter(a -> live.contains(a.replica())).toList();
            ReplicaCalls.Tally<R> t = ReplicaCalls.await(running, needed, ReplicaCalls.STRAGGLER_GRACE_MILLIS);
            if (t.successes().size() >= needed) {
                R auth = plan.authority() >= 0 ? t.successes().get(plan.authority()) : null;
                return auth != null ? auth : t.first();
            }
            throw calls.failure("write", key, realFailures(t.failures()), t.successes().size(), needed);
        }

        /** Waits until {@code needed} live replicas took the whole body (the authority among them), or cannot. */
        private void awaitArrivals(int needed) {
            while (true) {
                int arrived = 0;
                int waiting = 0;
                boolean authorityLost = false;
                List<CompletableFuture<?>> open = new ArrayList<>();
                for (int i : live) {
                    ReplicaFeed feed = feeds.get(i);
                    if (feed.arrived().isDone()) {
                        arrived++;
                    } else if (futures.get(i).isDone()) {
                        authorityLost |= i == plan.authority();
                    } else {
                        waiting++;
                        open.add(feed.arrived());
                        open.add(futures.get(i));
                    }
                }
                boolean authorityIn = plan.authority() < 0 || feeds.get(plan.authority()).arrived().isDone();
                if (arrived >= needed && authorityIn) {
                    return;
                }
                if (authorityLost || arrived + waiting < needed) {
                    throw quorumLost("replicas failed before the end of the body");
                }
                try {
                    CompletableFuture.anyOf(open.toArray(CompletableFuture[]::new)).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // a write failed; the next round sees it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw quorumLost("interrupted");
                }
            }
        }

        /** Once every write ended: if any published, queue the ones that did not. */
        private void scheduleRepairs() {
            ReplicaCalls.whenAllDone(attempts, () -> {
                ReplicaCalls.Tally<R> t = ReplicaCalls.tally(attempts);
                if (!t.successes().isEmpty()) {
                    for (int i : plan.targets()) {
                        if (!t.successes().containsKey(i)) {
                            plan.repair().accept(i);
                        }
                    }
                }
            });
        }
    }

    @FunctionalInterface
    private interface Offer {
        boolean to(ReplicaFeed feed) throws InterruptedException;
    }
}

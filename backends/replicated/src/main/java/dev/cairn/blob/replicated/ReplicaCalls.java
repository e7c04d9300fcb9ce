package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.function.IntFunction;

/**
 * Runs one call on several replicas side by side, records what each answer says about the
 * replica's reachability, and waits for as many successes as a policy needs.
 */
final class ReplicaCalls {
    static final String STORE_ID = "replicated";
    /** How long a call that has its quorum still waits for the other replicas. */
    static final long STRAGGLER_GRACE_MILLIS = 2_000;

    private final ReplicaSet replicas;
    private final ExecutorService executor;

    ReplicaCalls(ReplicaSet replicas, ExecutorService executor) {
        this.replicas = replicas;
        this.executor = executor;
    }

    ExecutorService executor() {
        return executor;
    }

    /** One replica's call in flight. */
    record Attempt<T>(int replica, CompletableFuture<T> future) {
    }

    /** What the attempts have answered so far, each map ordered by replica position. */
    record Tally<T>(Map<Integer, T> successes, Map<Integer, RuntimeException> failures, List<Attempt<T>> pending) {
        /** The success of the most preferred replica. */
        T first() {
            return successes.values().iterator().next();
        }

        /** The failures other than {@code benign}, by replica. */
        Map<Integer, RuntimeException> failuresOtherThan(BlobError benign) {
            Map<Integer, RuntimeException> out = new java.util.LinkedHashMap<>();
            failures.forEach((i, e) -> {
                if (!ReplicatedStore.isError(e, benign)) {
                    out.put(i, e);
                }
            });
            return out;
        }
    }

    /** Starts {@code call} for every replica in {@code targets}, each on its own thread. */
    <T> List<Attempt<T>> start(List<Integer> targets, IntFunction<T> call) {
        return start(targets, call, i -> false);
    }

    /**
     * As {@link #start(List, IntFunction)}; a failure of a replica for which {@code causedByUs}
     * holds when it fails (its body was aborted by the caller) says nothing about the replica and
     * is not recorded.
     */
    <T> List<Attempt<T>> start(List<Integer> targets, IntFunction<T> call, java.util.function.IntPredicate causedByUs) {
        List<Attempt<T>> out = new ArrayList<>(targets.size());
        for (int i : targets) {
            out.add(new Attempt<>(i, CompletableFuture.supplyAsync(() -> observe(i, call, causedByUs), executor)));
        }
        return out;
    }

    /** Runs {@code call} on replica {@code i} on this thread, recording reachability. */
    <T> T observe(int i, IntFunction<T> call) {
        return observe(i, call, r -> false);
    }

    private <T> T observe(int i, IntFunction<T> call, java.util.function.IntPredicate causedByUs) {
        try {
            T result = call.apply(i);
            replicas.answered(i);
            return result;
        } catch (RuntimeException e) {
            if (!causedByUs.test(i)) {
                replicas.failed(i, e);
            }
            throw e;
        }
    }

    /** Runs {@code call} on every replica in {@code targets} and waits for all of them. */
    <T> Tally<T> all(List<Integer> targets, IntFunction<T> call) {
        List<Attempt<T>> attempts = start(targets, call);
        drain(attempts);
        return tally(attempts);
    }

    /**
     * Waits as {@link #await(List, int)}, then, once {@code needed} succeeded, up to
     * {@code graceMillis} more for the rest. Healthy replicas finish within moments of each
     * other, so the grace makes a write acknowledged at quorum visible on every healthy replica
     * (read-your-writes from any of them) while a stuck replica delays the answer by the grace
     * at most.
     */
    static <T> Tally<T> await(List<Attempt<T>> attempts, int needed, long graceMillis) {
        Tally<T> t = await(attempts, needed);
        if (t.successes().size() < needed || t.pending().isEmpty()) {
            return t;
        }
        CompletableFuture<?>[] rest = t.pending().stream().map(Attempt::future).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(rest).get(graceMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // a failure or a straggler: the tally says which
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return tally(attempts);
    }

    /**
     * Waits until {@code needed} attempts succeeded, or so many failed that they cannot, or all
     * ended. Attempts still running are left running.
     */
    static <T> Tally<T> await(List<Attempt<T>> attempts, int needed) {
        while (true) {
            Tally<T> tally = tally(attempts);
            int ok = tally.successes().size();
            if (ok >= needed || ok + tally.pending().size() < needed || tally.pending().isEmpty()) {
                return tally;
            }
            CompletableFuture<?>[] running = tally.pending().stream().map(Attempt::future).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.anyOf(running).get();
            } catch (ExecutionException e) {
                // one of them failed; the next tally sees it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BlobStoreException(BlobError.UNAVAILABLE, STORE_ID, null, "interrupted waiting for replicas", e);
            }
        }
    }

    /** Runs {@code action} (on some replica's thread) once every attempt has ended. */
    static void whenAllDone(List<? extends Attempt<?>> attempts, Runnable action) {
        CompletableFuture.allOf(attempts.stream().map(Attempt::future).toArray(CompletableFuture[]::new))
                .whenComplete((v, e) -> action.run());
    }

    /** Waits for every attempt to end, ignoring outcomes. */
    static void drain(List<? extends Attempt<?>> attempts) {
        for (Attempt<?> a : attempts) {
            try {
                a.future().join();
            } catch (RuntimeException e) {
                // only waiting
            }
        }
    }

    static <T> Tally<T> tally(List<Attempt<T>> attempts) {
        Map<Integer, T> ok = new TreeMap<>();
        Map<Integer, RuntimeException> failed = new TreeMap<>();
        List<Attempt<T>> pending = new ArrayList<>();
        for (Attempt<T> a : attempts) {
            CompletableFuture<T> f = a.future();
            if (!f.isDone()) {
                pending.add(a);
            } else if (f.isCompletedExceptionally()) {
                failed.put(a.replica(), unwrap(f));
            } else {
                ok.put(a.replica(), f.join());
            }
        }
        return new Tally<>(ok, failed, pending);
    }

    static RuntimeException unwrap(CompletableFuture<?> f) {
        try {
            f.join();
            throw new IllegalStateException("not failed");
        } catch (CompletionException e) {
            return cause(e);
        } catch (RuntimeException e) {
            return e;
        }
    }

    static RuntimeException cause(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof RuntimeException r ? r : new IllegalStateException(c);
    }

    /**
     * The error a replicated call reports when too few replicas succeeded: the error of the most
     * preferred replica that failed (so a missing bucket stays NO_SUCH_BUCKET), with a message
     * naming every replica that failed and why.
     */
    BlobStoreException failure(String what, String bucket, String key, Map<Integer, RuntimeException> failures, int succeeded,
            int needed) {
        StringBuilder sb = new StringBuilder(what).append(" succeeded on ").append(succeeded).append(" of ")
                .append(replicas.size()).append(" replicas, ").append(needed).append(" needed");
        BlobError error = BlobError.UNAVAILABLE;
        RuntimeException first = null;
        for (Map.Entry<Integer, RuntimeException> e : failures.entrySet()) {
            RuntimeException x = e.getValue();
            if (first == null) {
                first = x;
                error = x instanceof BlobStoreException b ? b.error() : BlobError.INTERNAL;
            }
            sb.append("; ").append(replicas.name(e.getKey())).append(": ").append(x.getMessage());
        }
        return new BlobStoreException(error, STORE_ID, bucket, key, sb.toString(), first);
    }

    BlobStoreException failure(String what, BlobKey key, Map<Integer, RuntimeException> failures, int succeeded, int needed) {
        return failure(what, key == null ? null : key.bucket(), key == null ? null : key.key(), failures, succeeded, needed);
    }
}

package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One hedged call: asks the replicas in the given order, the next one when the last asked has not
 * answered within the delay (if the budget allows) or at once when an answer says to move on, and
 * returns the first success. The calls run on the executor; the caller's thread only waits, so a
 * hedge's answer is returned while a slow replica is still busy. Answers that arrive after the
 * race is decided are discarded (a reader is closed), never leaked. Used once.
 *
 * @param <T> the call's answer
 */
final class HedgeRace<T> {
    /** What a replica call may throw besides {@link BlobStoreException}: {@link VerifyFailedException}. */
    interface Call<T> {
        T on(int replica);
    }

    /** Everything a race needs that outlives it. */
    record Plan(Executor executor, long delayNanos, HedgeBudget budget, int absentQuorum, HedgeMetrics metrics, RepairSink repairs) {
        /** Delays this long or longer never fire: hedging is off. */
        static final long NEVER = TimeUnit.DAYS.toNanos(365);
    }

    private enum Kind { SUCCESS, MOVE_ON, ABSENT, FINAL }

    private record Answer<T>(int replica, boolean hedge, Kind kind, T value, BlobStoreException error) {
    }

    private final Plan plan;
    private final HedgeOrder ranking;
    private final int[] order;
    private final boolean probe;
    private final BlobKey key;
    private final Call<T> call;
    private final Consumer<T> discard;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition answered = lock.newCondition();
    private final ArrayDeque<Answer<T>> answers = new ArrayDeque<>();
    private boolean decided;

    /**
     * @param ranking learns every replica's latency and failures from this race
     * @param probe whether {@code order[1]} is a probe: asked at once with {@code order[0]}, its
     *     hedge token already taken (see {@link HedgeOrder#probeDue})
     * @param key the object concerned, for MISSING repairs; null for calls that name no object
     * @param discard releases an answer that lost (closes a reader)
     */
    HedgeRace(Plan plan, HedgeOrder ranking, int[] order, boolean probe, BlobKey key, Call<T> call, Consumer<T> discard) {
        this.plan = plan;
        this.ranking = ranking;
        this.order = order;
        this.probe = probe && order.length > 1;
        this.key = key;
        this.call = call;
        this.discard = discard;
    }

    /**
     * Runs the race.
     *
     * @throws BlobStoreException the first final answer; NO_SUCH_KEY / NO_SUCH_BUCKET once
     *     {@code absentQuorum} replicas said so; otherwise, when every replica failed, the last
     *     error that moved the race on
     */
    T run() {
        plan.budget().recordFirst();
        int next = 0;
        int pending = 0;
        boolean hedged = false;
        boolean mayHedge = plan.delayNanos() < Plan.NEVER;
        List<Integer> absentOn = new ArrayList<>(2);
        BlobStoreException lastMoveOn = null;
        BlobStoreException lastAbsent = null;
        int probed = -1;
        try {
            // the replica the delay timer runs for, and since when
            int timing = order[next];
            long launchedAt = System.nanoTime();
            launch(order[next++], false);
            pending++;
            if (probe) {
                probed = order[next];
                launch(order[next++], true);
                pending++;
                hedged = true;
            }
            long deadline = launchedAt + plan.delayNanos();
            while (true) {
                boolean timed = mayHedge && next < order.length;
                // a zero delay asks every replica at once, even if an answer is already in
                Answer<T> a = timed && plan.delayNanos() == 0 ? null : await(timed, deadline);
                if (a == null) {
                    if (plan.delayNanos() > 0) {
                        ranking.stillWaiting(timing, System.nanoTime() - launchedAt);
                    }
                    if (plan.budget().tryHedge()) {
                        timing = order[next];
                        launchedAt = System.nanoTime();
                        launch(order[next++], true);
                        pending++;
                        hedged = true;
                        deadline = launchedAt + plan.delayNanos();
                    } else {
                        // without budget, wait for the replicas already asked; failover still happens
                        plan.metrics().budgetExhausted();
                        mayHedge = false;
                    }
                    continue;
                }
                pending--;
                switch (a.kind()) {
                    case SUCCESS -> {
                        reportMissing(absentOn);
                        if (hedged) {
                            plan.metrics().won(a.hedge());
                        }
                        return a.value();
                    }
                    case FINAL -> throw a.error();
                    case ABSENT -> {
                        lastAbsent = a.error();
                        absentOn.add(a.replica());
                        if (absentOn.size() >= plan.absentQuorum()) {
                            throw a.error();
                        }
                    }
                    case MOVE_ON -> lastMoveOn = a.error();
                }
                if (a.replica() == probed && pending > 0) {
                    // a probe that did not serve is no reason to ask yet another replica
                    probed = -1;
                } else if (next < order.length) {
                    plan.metrics().failover();
                    timing = order[next];
                    launchedAt = System.nanoTime();
                    launch(order[next++], false);
                    pending++;
                    deadline = launchedAt + plan.delayNanos();
                } else if (pending == 0) {
                    throw lastMoveOn != null ? lastMoveOn : lastAbsent;
                }
            }
        } finally {
            decide();
        }
    }

    private void reportMissing(List<Integer> absentOn) {
        if (key != null) {
            for (int replica : absentOn) {
                plan.repairs().enqueue(key, replica, RepairSink.Reason.MISSING);
            }
        }
    }

    private void launch(int replica, boolean hedge) {
        try {
            plan.executor().execute(() -> deliver(attempt(replica, hedge)));
        } catch (RejectedExecutionException e) {
            deliver(new Answer<>(replica, hedge, Kind.FINAL, null,
                    new BlobStoreException(BlobError.UNAVAILABLE, "replicated", key, "the replicated store is closed", e)));
        }
    }

    private Answer<T> attempt(int replica, boolean hedge) {
        long start = System.nanoTime();
        try {
            T value = call.on(replica);
            ranking.answered(replica, System.nanoTime() - start);
            return new Answer<>(replica, hedge, Kind.SUCCESS, value, null);
        } catch (BlobStoreException e) {
            Kind kind = kindOf(e.error());
            observe(replica, kind != Kind.MOVE_ON, start);
            return new Answer<>(replica, hedge, kind, null, e);
        } catch (VerifyFailedException e) {
            // a corrupt copy is the key's problem (suspects); a stream that broke is the replica's
            observe(replica, !e.error().error().retryable(), start);
            return new Answer<>(replica, hedge, Kind.MOVE_ON, null, e.error());
        } catch (RuntimeException e) {
            ranking.failed(replica);
            // a replica's bug is not an answer about the object: another replica may still serve it
            return new Answer<>(replica, hedge, Kind.MOVE_ON, null,
                    new BlobStoreException(BlobError.INTERNAL, "replicated", key, "replica " + replica + " failed", e));
        }
    }

    private void observe(int replica, boolean answered, long start) {
        if (answered) {
            ranking.answered(replica, System.nanoTime() - start);
        } else {
            ranking.failed(replica);
        }
    }

    private static Kind kindOf(BlobError error) {
        if (error == BlobError.NO_SUCH_KEY || error == BlobError.NO_SUCH_BUCKET) {
            return Kind.ABSENT;
        }
        return error.retryable() ? Kind.MOVE_ON : Kind.FINAL;
    }

    /** Hands an answer to the waiting caller, or discards it when the race is already decided. */
    private void deliver(Answer<T> a) {
        lock.lock();
        try {
            if (!decided) {
                answers.add(a);
                answered.signal();
                return;
            }
        } finally {
            lock.unlock();
        }
        discardLoser(a);
    }

    /**
     * The next answer, or null once {@code deadline} passed first (only when {@code timed}).
     *
     * @throws BlobStoreException UNAVAILABLE when the waiting thread is interrupted
     */
    private Answer<T> await(boolean timed, long deadline) {
        lock.lock();
        try {
            while (answers.isEmpty()) {
                if (!timed) {
                    answered.await();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return null;
                    }
                    answered.awaitNanos(left);
                }
            }
            return answers.poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlobStoreException(BlobError.UNAVAILABLE, "replicated", key, "interrupted while waiting for replicas", e);
        } finally {
            lock.unlock();
        }
    }

    /** Ends the race: answers already in and any still to come are discarded. */
    private void decide() {
        List<Answer<T>> unread;
        lock.lock();
        try {
            decided = true;
            unread = new ArrayList<>(answers);
            answers.clear();
        } finally {
            lock.unlock();
        }
        unread.forEach(this::discardLoser);
    }

    private void discardLoser(Answer<T> a) {
        if (a.kind() == Kind.SUCCESS && a.value() != null) {
            discard.accept(a.value());
            plan.metrics().loserClosed();
        }
    }
}

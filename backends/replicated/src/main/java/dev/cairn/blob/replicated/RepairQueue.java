package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobKey;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The bounded, deduplicated queue of repair work. A target (key and replica) is queued at most
 * once until a worker takes it; queued again while a worker is on it, it runs again afterwards,
 * so a write that fails during a repair is not lost. A full queue drops the task and counts it:
 * the anti-entropy scan finds the difference again. Each replica's outstanding work (queued or
 * running) is counted for {@code rf_observed}.
 */
final class RepairQueue implements RepairSink {
    private final LinkedBlockingQueue<RepairTask> queue;
    private final Set<RepairTask.Target> queued = ConcurrentHashMap.newKeySet();
    private final AtomicIntegerArray outstanding;
    private final ReplicationMetrics metrics;

    RepairQueue(int capacity, int replicas, ReplicationMetrics metrics) {
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.outstanding = new AtomicIntegerArray(replicas);
        this.metrics = metrics;
    }

    @Override
    public void enqueue(BlobKey key, int replicaIndex, Reason reason) {
        offer(RepairTask.object(key, replicaIndex, reason));
    }

    /** Queues a bucket task (a bucket created or deleted on some replicas only). */
    void enqueueBucket(String bucket, int replicaIndex, Reason reason) {
        offer(RepairTask.bucket(bucket, replicaIndex, reason));
    }

    void offer(RepairTask task) {
        if (task.replica() < 0 || task.replica() >= outstanding.length()) {
            return;
        }
        if (!queued.add(task.target())) {
            return;
        }
        outstanding.incrementAndGet(task.replica());
        if (queue.offer(task)) {
            metrics.taskQueued(task.reason());
        } else {
            queued.remove(task.target());
            outstanding.decrementAndGet(task.replica());
            metrics.taskDropped();
        }
    }

    /** The next task, or null after {@code timeoutMillis}. The caller must call {@link #done} for it. */
    RepairTask take(long timeoutMillis) throws InterruptedException {
        RepairTask task = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (task != null) {
            queued.remove(task.target());
        }
        return task;
    }

    /**
     * Queues a task taken with {@link #take} again, keeping it outstanding (instead of {@link #done}).
     * Merged into an equal task queued meanwhile; dropped and counted when the queue is full.
     */
    void requeue(RepairTask task) {
        if (!queued.add(task.target())) {
            outstanding.decrementAndGet(task.replica()); // the equal task already queued carries the work
            return;
        }
        if (!queue.offer(task)) {
            queued.remove(task.target());
            outstanding.decrementAndGet(task.replica());
            metrics.taskDropped();
        }
    }

    /** Marks a task taken with {@link #take} as finished, whatever its outcome. */
    void done(RepairTask task) {
        outstanding.decrementAndGet(task.replica());
    }

    int depth() {
        return queue.size();
    }

    /** Tasks queued or running for replica {@code i}. */
    int outstanding(int i) {
        return outstanding.get(i);
    }
}

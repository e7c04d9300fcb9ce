package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.Capability;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.WritePrecondition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one {@link RepairTask}: looks at every replica, decides what the target should
 * hold, and makes it so.
 *
 * <ul>
 * <li>The good version is the one most replicas hold (identity: size, ETag, BLAKE3); a tie goes
 *     to the latest {@code lastModified}.</li>
 * <li>Absence never outvotes data, except for a delete intent: a DELETE_FAILED task deletes the
 *     target's copy when at least as many replicas lack the key as hold it. So a lost copy is
 *     always restored, and a missed delete is finished while its task lives.</li>
 * <li>A CORRUPT task copies even when the target's stored identity matches (its bytes do not).</li>
 * <li>The target is written with IfMatch / IfAbsent on what it held when looked at, when it
 *     supports them, so a client write that lands meanwhile is never overwritten by the repair.</li>
 * </ul>
 */
final class Repairer {
    private static final Logger LOG = LoggerFactory.getLogger(Repairer.class);

    private final ReplicaSet replicas;
    private final ReplicaCalls calls;
    private final ObjectCopier copier;
    private final java.util.function.BiConsumer<BlobKey, Integer> restored;

    /** @param restored told each (key, replica) whose copy a repair rewrote, so reads trust that copy again */
    Repairer(ReplicaSet replicas, ReplicaCalls calls, ObjectCopier copier, java.util.function.BiConsumer<BlobKey, Integer> restored) {
        this.replicas = replicas;
        this.calls = calls;
        this.copier = copier;
        this.restored = restored;
    }

    /** What became of a task. */
    enum Outcome {
        /** Repaired, or nothing to repair. */
        DONE,
        /** The target (or every good source) could not be reached: try again later. */
        RETRY
    }

    Outcome repair(RepairTask task, TokenBucket pacer) {
        try {
            return task.isBucket() ? repairBucket(task) : repairObject(task, pacer);
        } catch (BlobStoreException e) {
            if (e.error().retryable()) {
                return Outcome.RETRY;
            }
            throw e;
        }
    }

    private Outcome repairBucket(RepairTask task) {
        ReplicaCalls.Tally<Boolean> t = calls.all(replicas.all(), i -> replicas.store(i).bucketExists(task.bucket()));
        Boolean targetHas = t.successes().get(task.replica());
        if (targetHas == null) {
            return Outcome.RETRY;
        }
        long present = t.successes().values().stream().filter(b -> b).count();
        long absent = t.successes().size() - present;
        boolean delete = absent > present || (absent == present && task.reason() == RepairSink.Reason.DELETE_FAILED);
        BlobStore target = replicas.store(task.replica());
        try {
            if (delete && targetHas) {
                target.deleteBucket(task.bucket());
            } else if (!delete && !targetHas) {
                target.createBucket(task.bucket());
            }
        } catch (BlobStoreException e) {
            // BUCKET_ALREADY_EXISTS / NO_SUCH_BUCKET: someone got there first; BUCKET_NOT_EMPTY: keep its data
            LOG.debug("bucket repair of {} on {}: {}", task.bucket(), replicas.name(task.replica()), e.getMessage());
        }
        return Outcome.DONE;
    }

    private Outcome repairObject(RepairTask task, TokenBucket pacer) {
        BlobKey key = task.blobKey();
        int target = task.replica();
        ReplicaCalls.Tally<ObjectInfo> t = calls.all(replicas.all(), i -> replicas.store(i).stat(key));
        Map<Integer, ObjectInfo> present = t.successes();
        List<Integer> absent = new ArrayList<>();
        t.failures().forEach((i, e) -> {
            if (ReplicatedStore.isError(e, BlobError.NO_SUCH_KEY) || ReplicatedStore.isError(e, BlobError.NO_SUCH_BUCKET)) {
                absent.add(i);
            }
        });
        boolean targetPresent = present.containsKey(target);
        if (!targetPresent && !absent.contains(target)) {
            return Outcome.RETRY;
        }
        if (task.reason() == RepairSink.Reason.DELETE_FAILED && targetPresent && absent.size() >= present.size()) {
            calls.observe(target, i -> {
                replicas.store(i).delete(key);
                return true;
            });
            return Outcome.DONE;
        }
        if (present.isEmpty()) {
            return Outcome.DONE;
        }
        ObjectInfo good = chooseVersion(present);
        String goodId = ObjectCopier.identity(good);
        if (targetPresent && ObjectCopier.identity(present.get(target)).equals(goodId) && task.reason() != RepairSink.Reason.CORRUPT) {
            return Outcome.DONE;
        }
        WritePrecondition guard = guard(target, targetPresent ? present.get(target) : null);
        BlobStoreException last = null;
        for (Map.Entry<Integer, ObjectInfo> e : present.entrySet()) {
            int source = e.getKey();
            if (source == target || !ObjectCopier.identity(e.getValue()).equals(goodId)) {
                continue;
            }
            try {
                copyCreatingBucket(source, target, key, e.getValue(), guard, pacer);
                restored.accept(key, target);
                return Outcome.DONE;
            } catch (BlobStoreException x) {
                if (x.error() == BlobError.PRECONDITION_FAILED || x.error() == BlobError.NO_SUCH_KEY) {
                    return Outcome.DONE; // a newer write reached the target or the source: nothing to restore
                }
                last = x;
                LOG.warn("repair of {} on {} from {} failed: {}", key, replicas.name(target), replicas.name(source), x.getMessage());
            }
        }
        if (last != null) {
            throw last;
        }
        return Outcome.DONE;
    }

    private void copyCreatingBucket(int source, int target, BlobKey key, ObjectInfo version, WritePrecondition guard, TokenBucket pacer) {
        BlobStore to = replicas.store(target);
        try {
            calls.observe(target, i -> copier.copy(replicas.store(source), to, key, version, guard, pacer));
        } catch (BlobStoreException e) {
            if (e.error() != BlobError.NO_SUCH_BUCKET || !replicas.store(source).bucketExists(key.bucket())) {
                throw e;
            }
            try {
                to.createBucket(key.bucket());
            } catch (BlobStoreException exists) {
                // created meanwhile
            }
            calls.observe(target, i -> copier.copy(replicas.store(source), to, key, version, guard, pacer));
        }
    }

    /** IfMatch on the target's current version, IfAbsent when it has none, where the target can check them. */
    private WritePrecondition guard(int target, ObjectInfo current) {
        var caps = replicas.store(target).capabilities();
        if (current != null && caps.contains(Capability.WRITE_IF_MATCH)) {
            return new WritePrecondition.IfMatch(current.etag());
        }
        if (current == null && caps.contains(Capability.WRITE_IF_ABSENT)) {
            return new WritePrecondition.IfAbsent();
        }
        return WritePrecondition.NONE;
    }

    /** The version most replicas hold; among equally common ones the latest. */
    static ObjectInfo chooseVersion(Map<Integer, ObjectInfo> present) {
        Map<String, List<ObjectInfo>> groups = new LinkedHashMap<>();
        present.values().forEach(info -> groups.computeIfAbsent(ObjectCopier.identity(info), k -> new ArrayList<>()).add(info));
        Comparator<List<ObjectInfo>> byVotes = Comparator.comparingInt(List::size);
        Comparator<List<ObjectInfo>> byLatest = Comparator.comparing(
                g -> g.stream().map(ObjectInfo::lastModified).max(Comparator.naturalOrder()).orElseThrow());
        return groups.values().stream().max(byVotes.thenComparing(byLatest)).orElseThrow().get(0);
    }
}

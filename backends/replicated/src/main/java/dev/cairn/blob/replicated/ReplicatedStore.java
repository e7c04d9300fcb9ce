package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.Capability;
import dev.cairn.blob.HealthReport;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A replica set seen as one {@link BlobStore}: reads through {@link HedgedReads}, writes fanned out
 * by {@link FanOutWriter}, deletes and bucket calls sent to every replica, shortfalls queued for
 * repair. See docs/adr/0015.
 */
class ReplicatedStore implements BlobStore {
    final ReplicationSettings settings;
    final ReplicaSet replicas;
    final ReplicaCalls calls;
    final FanOutWriter fanOut;
    final RepairQueue repairs;
    private final HedgedReads reads;
    private final Background background;
    private final Set<Capability> capabilities;

    ReplicatedStore(ReplicationSettings settings, ReplicaSet replicas, ReplicaCalls calls, FanOutWriter fanOut, RepairQueue repairs,
            HedgedReads reads, Background background) {
        this.settings = settings;
        this.replicas = replicas;
        this.calls = calls;
        this.fanOut = fanOut;
        this.repairs = repairs;
        this.reads = reads;
        this.background = background;
        this.capabilities = replicas.commonCapabilities();
    }

    @Override
    public String id() {
        return ReplicaCalls.STORE_ID;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** Acknowledgements a call needs. */
    int needed() {
        return settings.writeQuorum();
    }

    // ---- buckets ---------------------------------------------------------------------------

    /**
     * Creates the bucket on every replica. Replicas that already had it count as done; the bucket
     * counts as already existing when most replicas that answered already had it (a replica that
     * lost its data gets it back either way).
     *
     * @throws BlobStoreException {@link BlobError#BUCKET_ALREADY_EXISTS}; the first replica's
     *     error when fewer than the write quorum hold the bucket afterwards
     */
    @Override
    public void createBucket(String bucket) {
        ReplicaCalls.Tally<Boolean> t = calls.all(replicas.all(), i -> {
            replicas.store(i).createBucket(bucket);
            return true;
        });
        Map<Integer, RuntimeException> failed = t.failuresOtherThan(BlobError.BUCKET_ALREADY_EXISTS);
        int existed = t.failures().size() - failed.size();
        int holding = t.successes().size() + existed;
        if (holding > 0) {
            failed.keySet().forEach(i -> repairs.enqueueBucket(bucket, i, RepairSink.Reason.WRITE_FAILED));
        }
        if (holding < needed()) {
            throw calls.failure("createBucket", bucket, null, failed, holding, needed());
        }
        if (existed > t.successes().size()) {
            throw BlobStoreException.bucket(BlobError.BUCKET_ALREADY_EXISTS, id(), bucket, "bucket already exists");
        }
    }

    /**
     * Deletes the bucket on every replica, after checking that it is empty on every replica that
     * answers (so a non-empty bucket is refused before any replica deleted it).
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_BUCKET}, {@link BlobError#BUCKET_NOT_EMPTY};
     *     the first replica's error when fewer than the write quorum deleted it
     */
    @Override
    public void deleteBucket(String bucket) {
        ReplicaCalls.Tally<Boolean> empty = calls.all(replicas.all(),
                i -> replicas.store(i).list(new ListRequest(bucket, "", null, null, 1)).objects().isEmpty());
        if (empty.successes().containsValue(false)) {
            throw BlobStoreException.bucket(BlobError.BUCKET_NOT_EMPTY, id(), bucket, "bucket is not empty");
        }
        ReplicaCalls.Tally<Boolean> t = calls.all(replicas.all(), i -> {
            replicas.store(i).deleteBucket(bucket);
            return true;
        });
        Map<Integer, RuntimeException> failed = t.failuresOtherThan(BlobError.NO_SUCH_BUCKET);
        int absent = t.failures().size() - failed.size();
        if (t.successes().isEmpty() && failed.isEmpty()) {
            throw BlobStoreException.bucket(BlobError.NO_SUCH_BUCKET, id(), bucket, "no such bucket");
        }
        int gone = t.successes().size() + absent;
        if (gone > 0) {
            failed.keySet().forEach(i -> repairs.enqueueBucket(bucket, i, RepairSink.Reason.DELETE_FAILED));
        }
        if (gone < needed()) {
            throw calls.failure("deleteBucket", bucket, null, failed, gone, needed());
        }
    }

    @Override
    public boolean bucketExists(String bucket) {
        return reads.bucketExists(bucket);
    }

    @Override
    public List<BucketInfo> listBuckets() {
        return reads.listBuckets();
    }

    // ---- objects ---------------------------------------------------------------------------

    @Override
    public ObjectInfo stat(BlobKey key) {
        return reads.stat(key);
    }

    @Override
    public ObjectReader read(BlobKey key, ReadOptions options) {
        return reads.read(key, options);
    }

    @Override
    public ListPage list(ListRequest request) {
        return reads.list(request);
    }

    /**
     * Streams the body once to every replica ({@link FanOutWriter}). A conditional write is
     * decided by the authority (the first reachable replica) before the others may publish.
     *
     * @throws BlobStoreException as {@link BlobStore#write}; {@link BlobError#UNSUPPORTED} for a
     *     precondition not every replica honours; the first failing replica's error when fewer
     *     than the write quorum published
     */
    @Override
    public ObjectInfo write(BlobKey key, ObjectSource source, WriteOptions options) {
        int authority = authorityFor(key, options.precondition());
        WriteOptions others = options.withPrecondition(WritePrecondition.NONE);
        FanOutWriter.Plan plan = new FanOutWriter.Plan(replicas.all(), needed(), settings.writePolicy() == WritePolicy.QUORUM,
                authority, i -> repairs.enqueue(key, i, RepairSink.Reason.WRITE_FAILED));
        return fanOut.write(key, source, options.expectedChecksums(), plan, (i, body) -> {
            ObjectInfo published = replicas.store(i).write(key, body, i == authority ? options : others);
            reads.repaired(key, i); // a fresh version there: a copy once found corrupt is trusted again
            return published;
        });
    }

    /**
     * The replica that decides a conditional write (-1 for an unconditional one).
     *
     * @throws BlobStoreException {@link BlobError#UNSUPPORTED} when not every replica honours the precondition
     */
    int authorityFor(BlobKey key, WritePrecondition precondition) {
        Capability needed;
        if (precondition instanceof WritePrecondition.IfAbsent) {
            needed = Capability.WRITE_IF_ABSENT;
        } else if (precondition instanceof WritePrecondition.IfMatch) {
            needed = Capability.WRITE_IF_MATCH;
        } else {
            return -1;
        }
        if (!capabilities.contains(needed)) {
            throw new BlobStoreException(BlobError.UNSUPPORTED, id(), key, "not every replica supports " + needed);
        }
        return replicas.authority();
    }

    /**
     * Deletes on every replica. A replica without the bucket counts as deleted.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_BUCKET} when no replica has the bucket;
     *     the first failing replica's error when fewer than the write quorum deleted
     */
    @Override
    public void delete(BlobKey key) {
        ReplicaCalls.Tally<Boolean> t = calls.all(replicas.all(), i -> {
            replicas.store(i).delete(key);
            return true;
        });
        Map<Integer, RuntimeException> failed = t.failuresOtherThan(BlobError.NO_SUCH_BUCKET);
        int absent = t.failures().size() - failed.size();
        if (t.successes().isEmpty() && failed.isEmpty()) {
            throw new BlobStoreException(BlobError.NO_SUCH_BUCKET, id(), key, "no such bucket");
        }
        int deleted = t.successes().size() + absent;
        if (deleted > 0) {
            failed.keySet().forEach(i -> repairs.enqueue(key, i, RepairSink.Reason.DELETE_FAILED));
        }
        if (deleted < needed()) {
            throw calls.failure("delete", key, failed, deleted, needed());
        }
    }

    /**
     * Deletes the keys on every replica; a key counts as deleted where at least the write quorum
     * deleted it, and the replicas that did not are queued for repair.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_BUCKET} when no replica has the bucket;
     *     the first replica's error when fewer than the write quorum answered at all
     */
    @Override
    public Map<String, BlobStoreException> deleteAll(String bucket, List<String> keys) {
        ReplicaCalls.Tally<Map<String, BlobStoreException>> t = calls.all(replicas.all(), i -> replicas.store(i).deleteAll(bucket, keys));
        Map<Integer, RuntimeException> failed = t.failuresOtherThan(BlobError.NO_SUCH_BUCKET);
        int absent = t.failures().size() - failed.size();
        if (t.successes().isEmpty() && failed.isEmpty()) {
            throw BlobStoreException.bucket(BlobError.NO_SUCH_BUCKET, id(), bucket, "no such bucket");
        }
        if (t.successes().size() + absent < needed()) {
            throw calls.failure("deleteAll", bucket, null, failed, t.successes().size() + absent, needed());
        }
        Map<String, BlobStoreException> out = new LinkedHashMap<>();
        for (String key : keys) {
            List<Integer> missed = new ArrayList<>(failed.keySet());
            BlobStoreException firstError = null;
            for (Map.Entry<Integer, Map<String, BlobStoreException>> e : t.successes().entrySet()) {
                BlobStoreException err = e.getValue().get(key);
                if (err != null) {
                    missed.add(e.getKey());
                    firstError = firstError == null ? err : firstError;
                }
            }
            int deleted = replicas.size() - missed.size();
            if (deleted > 0) {
                missed.forEach(i -> repairs.enqueue(new BlobKey(bucket, key), i, RepairSink.Reason.DELETE_FAILED));
            }
            if (deleted < needed()) {
                out.put(key, firstError != null ? firstError
                        : new BlobStoreException(BlobError.UNAVAILABLE, id(), new BlobKey(bucket, key), "too few replicas deleted it"));
            }
        }
        return out;
    }

    /**
     * Copies on every replica natively when all of them can; otherwise reads the source (hedged)
     * and writes it through the fan-out, as {@link BlobStore#copy} does.
     */
    @Override
    public ObjectInfo copy(BlobKey source, BlobKey target, ReadOptions sourceConditions, WriteOptions options) {
        if (!capabilities.contains(Capability.NATIVE_COPY)) {
            return BlobStore.super.copy(source, target, sourceConditions, options);
        }
        int authority = authorityFor(target, options.precondition());
        WriteOptions others = options.withPrecondition(WritePrecondition.NONE);
        if (authority >= 0) {
            ObjectInfo decided = calls.observe(authority, i -> replicas.store(i).copy(source, target, sourceConditions, options));
            List<Integer> rest = new ArrayList<>(replicas.all());
            rest.remove(Integer.valueOf(authority));
            finishCopy(target, rest, needed() - 1, i -> replicas.store(i).copy(source, target, sourceConditions, others));
            return decided;
        }
        return finishCopy(target, replicas.all(), needed(), i -> replicas.store(i).copy(source, target, sourceConditions, options));
    }

    private ObjectInfo finishCopy(BlobKey target, List<Integer> targets, int needed, java.util.function.IntFunction<ObjectInfo> call) {
        List<ReplicaCalls.Attempt<ObjectInfo>> attempts = calls.start(targets, call);
        ReplicaCalls.Tally<ObjectInfo> t = ReplicaCalls.await(attempts, needed, ReplicaCalls.STRAGGLER_GRACE_MILLIS);
        queueShortfall(target, attempts);
        if (t.successes().size() < needed) {
            throw calls.failure("copy", target, t.failures(), t.successes().size(), needed);
        }
        return t.successes().isEmpty() ? null : t.first();
    }

    /** Once every attempt ended: if any succeeded, queue the replicas that did not. */
    void queueShortfall(BlobKey key, List<ReplicaCalls.Attempt<ObjectInfo>> attempts) {
        ReplicaCalls.whenAllDone(attempts, () -> {
            ReplicaCalls.Tally<ObjectInfo> t = ReplicaCalls.tally(attempts);
            if (!t.successes().isEmpty()) {
                t.failures().keySet().forEach(i -> repairs.enqueue(key, i, RepairSink.Reason.WRITE_FAILED));
            }
        });
    }

    static boolean isError(RuntimeException e, BlobError error) {
        return e instanceof BlobStoreException b && b.error() == error;
    }

    // ---- health and lifecycle --------------------------------------------------------------

    /**
     * Readable when at least the absent quorum of replicas is reachable (fewer could not answer
     * 404 for a key with confidence); writable when at least the write quorum is; neither until
     * the repair workers run.
     */
    @Override
    public HealthReport health() {
        if (!background.running()) {
            return new HealthReport(false, false, background.closed() ? "closed" : "repair pacer not started");
        }
        int readable = 0;
        int writable = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < replicas.size(); i++) {
            HealthReport h = replicas.probe(i);
            readable += h.readable() ? 1 : 0;
            writable += h.writable() ? 1 : 0;
            if (!h.readable() || !h.writable()) {
                problems.add(replicas.name(i) + ": " + h.detail());
            }
        }
        int absentQuorum = settings.rf() - settings.writeQuorum() + 1;
        String detail = problems.isEmpty() ? "ok" : String.join("; ", problems);
        return new HealthReport(readable >= absentQuorum, writable >= needed(), detail);
    }

    @Override
    public void close() {
        background.close();
        reads.close();
        for (Replica r : replicas.replicas()) {
            try {
                r.store().close();
            } catch (RuntimeException e) {
                // every replica gets closed even if one fails to
            }
        }
    }
}

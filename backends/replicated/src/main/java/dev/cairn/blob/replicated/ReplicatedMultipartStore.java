package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.UploadPager;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.ChecksumType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The replicated store when every replica supports multipart uploads. An upload exists on every
 * replica under that replica's own id, all carried in one {@link CompositeUploadId}; each part is
 * fanned out like a write, so completion only assembles on each replica what it already has.
 */
final class ReplicatedMultipartStore extends ReplicatedStore implements SupportsMultipart {

    ReplicatedMultipartStore(ReplicationSettings settings, ReplicaSet replicas, ReplicaCalls calls, FanOutWriter fanOut,
            RepairQueue repairs, HedgedReads reads, Background background) {
        super(settings, replicas, calls, fanOut, repairs, reads, background);
    }

    private SupportsMultipart mp(int i) {
        return (SupportsMultipart) replicas.store(i);
    }

    private CompositeUploadId parse(BlobKey key, String uploadId) {
        return CompositeUploadId.parse(uploadId, replicas.size(), key);
    }

    /**
     * Starts the upload on every replica; under QUORUM a replica that fails keeps an empty slot.
     *
     * @throws BlobStoreException as {@link SupportsMultipart#createMultipartUpload}; the first
     *     failing replica's error when fewer than the write quorum started it (those that did are aborted)
     */
    @Override
    public MultipartUpload createMultipartUpload(BlobKey key, WriteOptions options, ChecksumType checksumType) {
        ReplicaCalls.Tally<MultipartUpload> t = calls.all(replicas.all(), i -> mp(i).createMultipartUpload(key, options, checksumType));
        if (t.successes().size() < needed()) {
            t.successes().forEach((i, u) -> abortQuietly(i, key, u.uploadId()));
            throw calls.failure("createMultipartUpload", key, t.failures(), t.successes().size(), needed());
        }
        List<String> slots = new ArrayList<>();
        long initiated = Long.MAX_VALUE;
        for (int i = 0; i < replicas.size(); i++) {
            MultipartUpload u = t.successes().get(i);
            slots.add(u == null ? "" : u.uploadId());
            if (u != null) {
                initiated = Math.min(initiated, u.initiated().toEpochMilli());
            }
        }
        CompositeUploadId id = new CompositeUploadId(initiated, slots);
        return new MultipartUpload(key, id.text(), id.initiated(), options, checksumType);
    }

    /** @throws BlobStoreException {@link BlobError#NO_SUCH_UPLOAD} */
    @Override
    public MultipartUpload upload(BlobKey key, String uploadId) {
        CompositeUploadId id = parse(key, uploadId);
        MultipartUpload u = firstAnswer(key, id, i -> mp(i).upload(key, id.slot(i)));
        return new MultipartUpload(key, uploadId, id.initiated(), u.options(), u.checksumType());
    }

    /**
     * Fans the part out to every replica holding the upload.
     *
     * @throws BlobStoreException as {@link SupportsMultipart#uploadPart}; the first failing
     *     replica's error when fewer than the write quorum stored it
     */
    @Override
    public PartInfo uploadPart(BlobKey key, String uploadId, int partNumber, ObjectSource source, WriteOptions options) {
        CompositeUploadId id = parse(key, uploadId);
        // a replica that misses a part fails its completion, which queues the object for repair
        FanOutWriter.Plan plan = new FanOutWriter.Plan(id.holders(), needed(), settings.writePolicy() == WritePolicy.QUORUM, -1, i -> {
        });
        return fanOut.write(key, source, options.expectedChecksums(), plan,
                (i, body) -> mp(i).uploadPart(key, id.slot(i), partNumber, body, options));
    }

    /**
     * Completes on every replica holding the upload; a precondition is decided by the authority
     * first. Replicas that fail while enough others succeed are queued for repair and their
     * uploads aborted.
     *
     * @throws BlobStoreException as {@link SupportsMultipart#completeMultipartUpload}
     */
    @Override
    public ObjectInfo completeMultipartUpload(BlobKey key, String uploadId, List<CompletedPart> parts, WritePrecondition precondition,
            long minPartSize, Map<ChecksumAlgorithm, String> expectedChecksums) {
        CompositeUploadId id = parse(key, uploadId);
        List<Integer> holders = new ArrayList<>(id.holders());
        int authority = authorityFor(key, precondition);
        ObjectInfo authorityResult = null;
        int needed = needed();
        if (authority >= 0) {
            int auth = holders.stream().filter(replicas::up).findFirst().orElse(holders.get(0));
            authorityResult = calls.observe(auth, i -> mp(i).completeMultipartUpload(key, id.slot(i), parts, precondition, minPartSize,
                    expectedChecksums));
            holders.remove(Integer.valueOf(auth));
            needed--;
        }
        ObjectInfo decided = authorityResult;
        List<ReplicaCalls.Attempt<ObjectInfo>> attempts = calls.start(holders,
                i -> mp(i).completeMultipartUpload(key, id.slot(i), parts, WritePrecondition.NONE, minPartSize, expectedChecksums));
        ReplicaCalls.Tally<ObjectInfo> t = ReplicaCalls.await(attempts, needed, ReplicaCalls.STRAGGLER_GRACE_MILLIS);
        ReplicaCalls.whenAllDone(attempts, () -> {
            ReplicaCalls.Tally<ObjectInfo> end = ReplicaCalls.tally(attempts);
            if (anyPublishedAfter(end, decided)) {
                end.failures().keySet().forEach(i -> {
                    repairs.enqueue(key, i, RepairSink.Reason.WRITE_FAILED);
                    abortQuietly(i, key, id.slot(i));
                });
                // replicas whose create failed (an empty slot) never had the upload
                for (int i = 0; i < replicas.size(); i++) {
                    if (id.slot(i).isEmpty()) {
                        repairs.enqueue(key, i, RepairSink.Reason.WRITE_FAILED);
                    }
                }
            }
        });
        if (t.successes().size() < needed) {
            throw calls.failure("completeMultipartUpload", key, t.failures(), t.successes().size() + (decided != null ? 1 : 0), needed());
        }
        return decided != null ? decided : t.first();
    }

    private static boolean anyPublishedAfter(ReplicaCalls.Tally<ObjectInfo> end, ObjectInfo decided) {
        return decided != null || !end.successes().isEmpty();
    }

    /**
     * Aborts on every replica holding the upload.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_UPLOAD} when no replica knows it
     */
    @Override
    public void abortMultipartUpload(BlobKey key, String uploadId) {
        CompositeUploadId id = parse(key, uploadId);
        ReplicaCalls.Tally<Boolean> t = calls.all(id.holders(), i -> {
            mp(i).abortMultipartUpload(key, id.slot(i));
            return true;
        });
        if (t.successes().isEmpty()) {
            throw calls.failure("abortMultipartUpload", key, t.failures(), 0, 1);
        }
    }

    /** From the first replica that answers. @throws BlobStoreException {@link BlobError#NO_SUCH_UPLOAD} */
    @Override
    public PartListing listParts(BlobKey key, String uploadId, int partNumberMarker, int maxParts) {
        CompositeUploadId id = parse(key, uploadId);
        PartListing listing = firstAnswer(key, id, i -> mp(i).listParts(key, id.slot(i), partNumberMarker, maxParts));
        MultipartUpload u = listing.upload();
        return new PartListing(new MultipartUpload(key, uploadId, id.initiated(), u.options(), u.checksumType()), listing.parts(),
                listing.truncated(), listing.nextPartNumberMarker());
    }

    /**
     * Lists every replica's uploads under the prefix, joins them into composite uploads
     * ({@link UploadMerger}) and pages the result.
     *
     * @throws BlobStoreException {@link BlobError#NO_SUCH_BUCKET} when no replica has the bucket
     */
    @Override
    public UploadListing listMultipartUploads(UploadListRequest request) {
        ReplicaCalls.Tally<List<MultipartUpload>> t = calls.all(replicas.all(), i -> everyUpload(i, request));
        if (t.successes().isEmpty()) {
            throw calls.failure("listMultipartUploads", request.bucket(), null, t.failures(), 0, 1);
        }
        return UploadPager.page(request, UploadMerger.merge(t.successes(), replicas.size()));
    }

    private List<MultipartUpload> everyUpload(int i, UploadListRequest request) {
        List<MultipartUpload> out = new ArrayList<>();
        UploadListRequest page = new UploadListRequest(request.bucket(), request.prefix(), null, null, null, 1000);
        while (true) {
            UploadListing listing = mp(i).listMultipartUploads(page);
            out.addAll(listing.uploads());
            if (!listing.truncated()) {
                return out;
            }
            page = new UploadListRequest(request.bucket(), request.prefix(), null, listing.nextKeyMarker(), listing.nextUploadIdMarker(), 1000);
        }
    }

    /** The answer of the first holder that gives one, else the first holder's error. */
    private <T> T firstAnswer(BlobKey key, CompositeUploadId id, java.util.function.IntFunction<T> call) {
        BlobStoreException first = null;
        for (int i : id.holders()) {
            try {
                return calls.observe(i, call);
            } catch (BlobStoreException e) {
                first = first == null ? e : first;
            }
        }
        throw first != null ? first : new BlobStoreException(BlobError.NO_SUCH_UPLOAD, id(), key, "no such upload");
    }

    private void abortQuietly(int i, BlobKey key, String replicaUploadId) {
        try {
            mp(i).abortMultipartUpload(key, replicaUploadId);
        } catch (RuntimeException e) {
            // best effort: the multipart sweeper ends what is left
        }
    }
}

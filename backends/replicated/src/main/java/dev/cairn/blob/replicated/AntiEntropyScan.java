package dev.cairn.blob.replicated;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.Utf8Order;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The anti-entropy scan: lists every bucket on every reachable replica, walks their keys side by
 * side (each listing is in UTF-8 order, so one merge pass finds every key), and queues a repair
 * for each replica that lacks a key or a bucket, or holds another version than most replicas do.
 * Versions are compared by identity (size, ETag, BLAKE3); where a listing does not carry the
 * BLAKE3 the key is stat-ed on every replica. Every key compared costs one token of a
 * keys-per-second {@link TokenBucket}, so a scan of a large set spreads out instead of thrashing
 * the backends. Each key's copies of the majority version are then handed to the {@link Scrubber},
 * which reads their bytes back (at its own bytes-per-second pace) to find corruption the
 * identities cannot show.
 */
final class AntiEntropyScan {
    private static final Logger LOG = LoggerFactory.getLogger(AntiEntropyScan.class);

    private final ReplicaSet replicas;
    private final ReplicaCalls calls;
    private final RepairQueue repairs;
    private final TokenBucket pacer;
    private final Scrubber scrubber;

    AntiEntropyScan(ReplicaSet replicas, ReplicaCalls calls, RepairQueue repairs, long keysPerSecond, Scrubber scrubber) {
        this.replicas = replicas;
        this.calls = calls;
        this.repairs = repairs;
        this.scrubber = scrubber;
        this.pacer = new TokenBucket(keysPerSecond, Math.max(1, keysPerSecond / 10));
    }

    /** One full pass. Never throws: a failing replica is skipped until the next pass. */
    void runOnce() {
        try {
            ReplicaCalls.Tally<List<BucketInfo>> listed = calls.all(replicas.all(), i -> replicas.store(i).listBuckets());
            Map<String, List<Integer>> holders = new TreeMap<>();
            listed.successes().forEach((i, buckets) -> buckets.forEach(b -> holders.computeIfAbsent(b.name(), n -> new ArrayList<>()).add(i)));
            for (Map.Entry<String, List<Integer>> bucket : holders.entrySet()) {
                List<Integer> lacking = new ArrayList<>(listed.successes().keySet());
                lacking.removeAll(bucket.getValue());
                lacking.forEach(i -> repairs.enqueueBucket(bucket.getKey(), i, RepairSink.Reason.SCAN));
                scanBucket(bucket.getKey(), bucket.getValue(), lacking);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("anti-entropy scan stopped early: {}", e.getMessage());
        }
    }

    /**
     * @param holders replicas that list the bucket
     * @param lacking reachable replicas without it: every key is missing there
     */
    private void scanBucket(String bucket, List<Integer> holders, List<Integer> lacking) throws InterruptedException {
        Map<Integer, KeyCursor> cursors = new TreeMap<>();
        for (int i : holders) {
            cursors.put(i, new KeyCursor(i, bucket));
        }
        while (true) {
            TreeSet<String> heads = new TreeSet<>(Utf8Order.COMPARATOR);
            for (KeyCursor c : cursors.values()) {
                if (c.hasNext()) {
                    heads.add(c.peek().key().key());
                }
            }
            if (heads.isEmpty()) {
                return;
            }
            String key = heads.first();
            Map<Integer, ObjectInfo> present = new TreeMap<>();
            for (KeyCursor c : cursors.values()) {
                if (c.hasNext() && c.peek().key().key().equals(key)) {
                    present.put(c.replica, c.next());
                }
            }
            pacer.acquire(1);
            compare(new BlobKey(bucket, key), present, holders, lacking);
        }
    }

    private void compare(BlobKey key, Map<Integer, ObjectInfo> listed, List<Integer> holders, List<Integer> lacking)
            throws InterruptedException {
        for (int i : holders) {
            if (!listed.containsKey(i)) {
                repairs.enqueue(key, i, RepairSink.Reason.SCAN);
            }
        }
        lacking.forEach(i -> repairs.enqueue(key, i, RepairSink.Reason.SCAN));
        Map<Integer, ObjectInfo> versions = listed;
        // a lone copy needs its full identity only for the scrub to match it with what it reads
        boolean needIdentity = listed.size() > 1 || scrubber.enabled();
        if (needIdentity && listed.values().stream().anyMatch(info -> info.blake3() == null)) {
            versions = calls.all(new ArrayList<>(listed.keySet()), i -> replicas.store(i).stat(key)).successes();
        }
        if (versions.isEmpty()) {
            return;
        }
        String good = ObjectCopier.identity(Repairer.chooseVersion(versions));
        versions.forEach((i, info) -> {
            if (!ObjectCopier.identity(info).equals(good)) {
                repairs.enqueue(key, i, RepairSink.Reason.SCAN);
            }
        });
        scrubber.scrub(key, versions, good);
    }

    /** One replica's keys of a bucket, a page at a time. */
    private final class KeyCursor implements Iterator<ObjectInfo> {
        private final int replica;
        private final String bucket;
        private Iterator<ObjectInfo> page = List.<ObjectInfo>of().iterator();
        private String after;
        private boolean more = true;
        private ObjectInfo head;

        KeyCursor(int replica, String bucket) {
            this.replica = replica;
            this.bucket = bucket;
        }

        @Override
        public boolean hasNext() {
            while (head == null) {
                if (page.hasNext()) {
                    head = page.next();
                } else if (more) {
                    ListPage p = calls.observe(replica, i -> replicas.store(i).list(new ListRequest(bucket, "", null, after, ListRequest.MAX_KEYS)));
                    page = p.objects().iterator();
                    more = p.truncated();
                    after = p.nextStartAfter();
                } else {
                    return false;
                }
            }
            return true;
        }

        ObjectInfo peek() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return head;
        }

        @Override
        public ObjectInfo next() {
            ObjectInfo out = peek();
            head = null;
            return out;
        }
    }
}

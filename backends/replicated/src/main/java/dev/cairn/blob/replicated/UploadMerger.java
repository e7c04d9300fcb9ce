package dev.cairn.blob.replicated;

import dev.cairn.blob.SupportsMultipart.MultipartUpload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins the replicas' own upload listings into composite uploads. The replicas' ids carry no
 * common mark, so uploads are matched by key and initiation time: taken in initiation order, an
 * upload joins the open group of its key when that group has no upload of its replica yet and
 * began at most {@link #WINDOW} earlier; otherwise it opens a new group. The fan-out creates an
 * upload on every replica at the same moment, and one client's creates for a key follow one
 * another, so this rebuilds the ids handed out. Two creates of the same key started within the
 * window by different clients may be paired crosswise; the ADR records that limit.
 */
final class UploadMerger {
    static final Duration WINDOW = Duration.ofSeconds(5);

    private UploadMerger() {
    }

    private record Entry(int replica, MultipartUpload upload) {
    }

    /** The composite uploads of a set of {@code replicas} replicas, in no particular order. */
    static List<MultipartUpload> merge(Map<Integer, List<MultipartUpload>> perReplica, int replicas) {
        Map<String, List<Entry>> byKey = new TreeMap<>();
        perReplica.forEach((replica, uploads) -> uploads.forEach(
                u -> byKey.computeIfAbsent(u.key().key(), k -> new ArrayList<>()).add(new Entry(replica, u))));
        List<MultipartUpload> out = new ArrayList<>();
        for (List<Entry> entries : byKey.values()) {
            entries.sort(Comparator.comparing((Entry e) -> e.upload().initiated()).thenComparingInt(Entry::replica));
            Entry[] group = null;
            for (Entry e : entries) {
                if (group == null || group[e.replica()] != null || tooLate(group, e)) {
                    if (group != null) {
                        out.add(composite(group));
                    }
                    group = new Entry[replicas];
                }
                group[e.replica()] = e;
            }
            if (group != null) {
                out.add(composite(group));
            }
        }
        return out;
    }

    private static boolean tooLate(Entry[] group, Entry e) {
        return Duration.between(earliest(group).upload().initiated(), e.upload().initiated()).compareTo(WINDOW) > 0;
    }

    private static Entry earliest(Entry[] group) {
        Entry first = null;
        for (Entry e : group) {
            if (e != null && (first == null || e.upload().initiated().isBefore(first.upload().initiated()))) {
                first = e;
            }
        }
        return first;
    }

    /** The composite upload of one group: earliest initiation, the most preferred member's options. */
    private static MultipartUpload composite(Entry[] group) {
        List<String> slots = new ArrayList<>(group.length);
        MultipartUpload preferred = null;
        for (Entry e : group) {
            slots.add(e == null ? "" : e.upload().uploadId());
            if (e != null && preferred == null) {
                preferred = e.upload();
            }
        }
        long millis = earliest(group).upload().initiated().toEpochMilli();
        CompositeUploadId id = new CompositeUploadId(millis, slots);
        return new MultipartUpload(preferred.key(), id.text(), id.initiated(), preferred.options(), preferred.checksumType());
    }
}

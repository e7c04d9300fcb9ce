package dev.cairn.perf;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Damages seeded objects on one local replica while the soak runs, spread over the run: every
 * second victim's file is deleted, the others get one byte flipped inside the object's bytes
 * (which lead the file). Victims are found as ReplicationLaneTest finds object files: regular
 * files ending in {@code @} under {@code <replica>/buckets/<bucket>}; their names are the keys
 * ({@code :} written {@code %3A}), so only seeded objects are touched, never the soak's own writes.
 */
final class SoakDamage implements AutoCloseable {
    /** One damaged object: which, how, when (seconds after the soak started), and whether it was done. */
    record Event(String bucket, String key, String action, double atSeconds, boolean done) {
    }

    /** A seeded object on the replica: its file, and the bytes it must hold once repaired. */
    record Victim(String bucket, String key, Path file, byte[] bytes) {
    }

    private final List<Victim> victims;
    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "soak-damage");
        t.setDaemon(true);
        return t;
    });

    private SoakDamage(List<Victim> victims) {
        this.victims = victims;
    }

    /**
     * Chooses {@code percent} of the seeded objects (at least one when above 0) found on the replica.
     *
     * @param seeded the seeded objects by bucket and key (S3 keys in {@code bench}, OAP addresses in {@code .oap})
     * @throws IllegalStateException if no seeded object is found on the replica (its layout changed)
     */
    static SoakDamage choose(Path replica, Map<String, Map<String, SeedObject>> seeded, double percent, long seed) {
        List<Victim> found = new ArrayList<>();
        for (Map.Entry<String, Map<String, SeedObject>> bucket : seeded.entrySet()) {
            Path dir = replica.resolve("buckets").resolve(bucket.getKey());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith("@")) {
                        String key = name.substring(0, name.length() - 1).replace("%3A", ":");
                        SeedObject object = bucket.getValue().get(key);
                        if (object != null) {
                            found.add(new Victim(bucket.getKey(), key, file, object.bytes()));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
        }
        int total = seeded.values().stream().mapToInt(Map::size).sum();
        if (found.isEmpty()) {
            throw new IllegalStateException("none of the " + total + " seeded objects was found as a file under "
                    + replica.resolve("buckets") + " (has the local backend's layout changed?)");
        }
        int count = percent <= 0 ? 0 : Math.max(1, (int) Math.ceil(total * percent / 100.0));
        Collections.shuffle(found, new Random(seed));
        return new SoakDamage(List.copyOf(found.subList(0, Math.min(count, found.size()))));
    }

    List<Victim> victims() {
        return victims;
    }

    /** Schedules the damage evenly over {@code [from, from + span]} seconds from now. */
    void start(double fromSeconds, double spanSeconds) {
        long t0 = System.nanoTime();
        for (int i = 0; i < victims.size(); i++) {
            Victim v = victims.get(i);
            boolean delete = i % 2 == 0;
            double at = fromSeconds + spanSeconds * (i + 1) / (victims.size() + 1);
            timer.schedule(() -> events.add(damage(v, delete, (System.nanoTime() - t0) / 1e9)),
                    (long) (at * 1000), TimeUnit.MILLISECONDS);
        }
    }

    private static Event damage(Victim v, boolean delete, double at) {
        try {
            if (delete) {
                Files.delete(v.file());
            } else {
                try (RandomAccessFile raf = new RandomAccessFile(v.file().toFile(), "rw")) {
                    long offset = Math.min(1234, v.bytes().length - 1);
                    raf.seek(offset);
                    int b = raf.read();
                    raf.seek(offset);
                    raf.write(b ^ 0x40);
                }
            }
            return new Event(v.bucket(), v.key(), delete ? "delete" : "flip-byte", at, true);
        } catch (IOException e) {
            // a repair or a read may have replaced the file at that moment: recorded, not fatal
            return new Event(v.bucket(), v.key(), delete ? "delete" : "flip-byte", at, false);
        }
    }

    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** How many victims hold their seeded bytes again (the file exists and starts with them). */
    int restored() {
        int ok = 0;
        for (Victim v : victims) {
            try {
                if (Files.isRegularFile(v.file()) && startsWith(Files.readAllBytes(v.file()), v.bytes())) {
                    ok++;
                }
            } catch (IOException e) {
                // replaced while we read: not counted as restored
            }
        }
        return ok;
    }

    private static boolean startsWith(byte[] file, byte[] bytes) {
        return file.length >= bytes.length && java.util.Arrays.equals(file, 0, bytes.length, bytes, 0, bytes.length);
    }

    /** Cancels damage not yet done (the run ended early). */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}

package dev.cairn.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Binds {@code replication.*} and {@code replica.NAME.*} into a {@link CairnConfig.Replication}.
 * Each entry of {@code replication.replicas} is either the name of a replica configured under
 * {@code replica.NAME.*} or a directory, which becomes a local replica. A named replica's backend
 * options that it does not set itself fall back to the top-level values (so two S3 replicas can
 * share {@code s3.region}, and every local replica {@code local.fsync}).
 */
final class ReplicationBinder {
    private final ConfigTable table;
    private final Map<String, Setting> settings;
    private final Function<String, Object> value;
    private final BiFunction<String, String, ConfigException> bad;

    ReplicationBinder(ConfigTable table, Map<String, Setting> settings, Function<String, Object> value,
            BiFunction<String, String, ConfigException> bad) {
        this.table = table;
        this.settings = settings;
        this.value = value;
        this.bad = bad;
    }

    /**
     * @param root the top-level storage (its data directory and backend options are the replicas' defaults)
     * @return null when {@code replication.replicas} is unset
     * @throws ConfigException for an entry that is neither a configured name nor a path, a replica
     *     named twice, {@code replica.NAME.*} settings for a name not in the list, a named replica
     *     without a backend, or rf outside 1..replicas
     */
    CairnConfig.Replication bind(CairnConfig.Storage root) {
        String list = (String) value.apply("replication.replicas");
        Set<String> configured = configuredNames();
        if (list == null || list.isBlank()) {
            if (!configured.isEmpty()) {
                throw bad.apply(ReplicaKeys.PREFIX + configured.iterator().next() + ".backend",
                        "replica settings are given but replication.replicas is not set");
            }
            return null;
        }
        List<CairnConfig.Replica> replicas = new ArrayList<>();
        String[] items = list.split(",");
        // names of configured replicas are reserved first, so a directory is never named like one
        Set<String> names = new LinkedHashSet<>();
        for (String item : items) {
            if (configured.contains(item.trim())) {
                names.add(item.trim());
            }
        }
        Set<String> entries = new LinkedHashSet<>();
        for (int i = 0; i < items.length; i++) {
            String entry = items[i].trim();
            if (entry.isEmpty()) {
                continue;
            }
            if (!entries.add(entry)) {
                throw bad.apply("replication.replicas", "'" + entry + "' is listed twice");
            }
            CairnConfig.Replica replica = configured.contains(entry) ? named(entry, root) : directory(entry, i + 1, names, root);
            names.add(replica.name());
            replicas.add(replica);
        }
        Set<String> unused = new TreeSet<>(configured);
        unused.removeAll(entries);
        if (!unused.isEmpty()) {
            String name = unused.iterator().next();
            throw bad.apply(ReplicaKeys.PREFIX + name + ".backend", "replica '" + name + "' is configured but not listed in replication.replicas");
        }
        if (replicas.isEmpty()) {
            throw bad.apply("replication.replicas", "lists no replica");
        }
        Integer rf = (Integer) value.apply("replication.rf");
        int effectiveRf = rf == null ? replicas.size() : rf;
        if (effectiveRf > replicas.size()) {
            throw bad.apply("replication.rf", "is " + effectiveRf + " but only " + replicas.size() + " replicas are listed");
        }
        Duration scan = (Duration) value.apply("replication.scan-interval");
        return new CairnConfig.Replication(replicas, effectiveRf, (String) value.apply("replication.write-policy"),
                (Duration) value.apply("replication.hedge-delay"), (Double) value.apply("replication.hedge-budget"),
                (Long) value.apply("replication.verify-buffer"), positive("replication.repair-rate"),
                (Integer) value.apply("replication.repair-workers"), scan, (Long) value.apply("replication.scrub-rate"));
    }

    /** Names that have at least one {@code replica.NAME.*} setting. */
    private Set<String> configuredNames() {
        Set<String> names = new TreeSet<>();
        for (String key : settings.keySet()) {
            String[] nameAndRest = ReplicaKeys.split(key);
            if (nameAndRest != null) {
                names.add(nameAndRest[0]);
            }
        }
        return names;
    }

    private CairnConfig.Replica named(String name, CairnConfig.Storage root) {
        String prefix = ReplicaKeys.PREFIX + name + ".";
        String backend = (String) value.apply(prefix + "backend");
        if (backend == null) {
            throw bad.apply(prefix + "backend", "replica '" + name + "' needs a backend (" + String.join(", ", table.backends().names()) + ")");
        }
        if (!table.backends().has(backend)) {
            throw bad.apply(prefix + "backend", table.backends().unknownBackendMessage(backend));
        }
        Map<String, String> options = new TreeMap<>(root.settings());
        settings.forEach((key, s) -> {
            if (key.startsWith(prefix) && table.isBackendOption(key.substring(prefix.length()))) {
                options.put(key.substring(prefix.length()), s.value());
            }
        });
        Path dataDir = (Path) value.apply(prefix + "data.dir");
        return new CairnConfig.Replica(name, new CairnConfig.Storage(backend, dataDir == null ? root.dataDir() : dataDir, options));
    }

    /** A local replica in {@code entry}, named after the directory when that makes a valid, unused name. */
    private CairnConfig.Replica directory(String entry, int position, Set<String> taken, CairnConfig.Storage root) {
        if (!entry.contains("/") && !entry.startsWith(".")) {
            throw bad.apply("replication.replicas", "'" + entry + "' is neither a configured replica (replica." + entry
                    + ".backend) nor a directory (write ./" + entry + " for a directory here)");
        }
        Path dir;
        try {
            dir = Path.of(entry);
        } catch (java.nio.file.InvalidPathException e) {
            throw bad.apply("replication.replicas", "'" + entry + "' is not a valid path: " + e.getReason());
        }
        Map<String, String> options = new TreeMap<>(root.settings());
        options.put("local.dir", dir.toString());
        Path file = dir.getFileName();
        String name = file == null ? "" : file.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        if (!ReplicaKeys.isName(name) || taken.contains(name)) {
            name = "r" + position;
        }
        return new CairnConfig.Replica(name, new CairnConfig.Storage("local", root.dataDir(), options));
    }

    private long positive(String key) {
        long v = (Long) value.apply(key);
        if (v < 1) {
            throw bad.apply(key, "must be at least 1 byte");
        }
        return v;
    }
}

package dev.cairn.perf;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A started, seeded server: where it answers, the pid whose process tree is measured, and the seed
 * manifest of each API it was seeded over.
 */
final class Target implements AutoCloseable {
    private final TargetKind kind;
    private final String name;
    private final URI endpoint;
    private final long pid;
    private final Path dir;
    private final AutoCloseable process;
    private final Map<Api, Path> manifests = new EnumMap<>(Api.class);

    Target(TargetKind kind, String name, URI endpoint, long pid, Path dir, AutoCloseable process) {
        this.kind = kind;
        this.name = name;
        this.endpoint = endpoint;
        this.pid = pid;
        this.dir = dir;
        this.process = process;
    }

    TargetKind kind() {
        return kind;
    }

    /** {@code cairn}, {@code s3proxy}, {@code nginx}, or {@code cairn-soak} for the soak's replicated gateway. */
    String name() {
        return name;
    }

    URI endpoint() {
        return endpoint;
    }

    long pid() {
        return pid;
    }

    Path dir() {
        return dir;
    }

    void manifest(Api api, Path file) {
        manifests.put(api, file);
    }

    Optional<Path> manifest(Api api) {
        return Optional.ofNullable(manifests.get(api));
    }

    @Override
    public void close() {
        try {
            process.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop " + name, e);
        }
    }
}

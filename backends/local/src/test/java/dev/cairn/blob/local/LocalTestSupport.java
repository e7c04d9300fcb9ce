package dev.cairn.blob.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;

/** Small helpers for this module's own tests. */
final class LocalTestSupport {
    private LocalTestSupport() {
    }

    static LocalBlobStore open(Path root) {
        return LocalBlobStore.open(new LocalConfig(root, 0, true));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static ObjectInfo put(BlobStore store, BlobKey key, byte[] data) {
        return store.write(key, ObjectSource.of(data), WriteOptions.DEFAULTS);
    }

    static byte[] readAll(BlobStore store, BlobKey key) {
        try (ObjectReader r = store.read(key, ReadOptions.WHOLE); InputStream in = r.stream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BlobStoreException assertBlobError(BlobError expected, Executable call) {
        BlobStoreException e = assertThrows(BlobStoreException.class, call);
        assertEquals(expected, e.error(), e.getMessage());
        return e;
    }

    /** Every regular file under {@code dir}, as paths relative to it. */
    static List<String> filesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Temporary data files (in-flight or leftover writes) under the root's tmp directory. */
    static List<String> partFiles(Path root) {
        return filesUnder(root.resolve("tmp")).stream().filter(n -> !n.endsWith(".lock")).toList();
    }
}

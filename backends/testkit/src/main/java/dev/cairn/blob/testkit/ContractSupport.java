package dev.cairn.blob.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.ListPage;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectReader;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.digest.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.function.Executable;

/**
 * Helpers shared by the contract interfaces and by backend-specific tests. The expected values
 * are computed independently of the SPI's own helpers (JDK digests, byte-wise UTF-8 order), so a
 * bug there cannot hide a bug in a store.
 */
public final class ContractSupport {
    /** Orders strings by their UTF-8 bytes, compared unsigned: the order S3 lists keys in. */
    public static final Comparator<String> UTF8_BYTE_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private ContractSupport() {
    }

    /** {@code n} pseudo-random bytes, the same for the same seed. */
    public static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The hex MD5 of {@code data}, from the JDK. */
    public static String md5Hex(byte[] data) {
        return Hex.encode(jdkDigest("MD5", data));
    }

    /** A JDK {@link MessageDigest} of {@code data}. */
    public static byte[] jdkDigest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code data} with a declared length and default options. */
    public static ObjectInfo put(BlobStore store, BlobKey key, byte[] data) {
        return store.write(key, ObjectSource.of(data), WriteOptions.DEFAULTS);
    }

    public static ObjectInfo put(BlobStore store, BlobKey key, byte[] data, WriteOptions options) {
        return store.write(key, ObjectSource.of(data), options);
    }

    /**
     * Reads the reader's stream to its end and checks that it yielded exactly
     * {@code range().length()} bytes.
     */
    public static byte[] readAll(ObjectReader reader) throws IOException {
        byte[] bytes;
        try (InputStream in = reader.stream()) {
            bytes = in.readAllBytes();
        }
        assertEquals(reader.range().length(), bytes.length, "the stream must yield exactly range().length() bytes");
        return bytes;
    }

    /** The whole current version's bytes. */
    public static byte[] readAll(BlobStore store, BlobKey key) {
        try (ObjectReader reader = store.read(key, ReadOptions.WHOLE)) {
            return readAll(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that {@code call} throws a {@link BlobStoreException} carrying {@code expected}. */
    public static BlobStoreException assertBlobError(BlobError expected, Executable call) {
        BlobStoreException e = assertThrows(BlobStoreException.class, call, "expected " + expected);
        assertEquals(expected, e.error(), () -> "wrong error: " + e.getMessage());
        return e;
    }

    /** The object keys of a page, in page order. */
    public static List<String> keys(ListPage page) {
        List<String> out = new ArrayList<>();
        for (ObjectInfo info : page.objects()) {
            out.add(info.key().key());
        }
        return out;
    }

    /**
     * The entries of a page (object keys and common prefixes) interleaved in UTF-8 order, which is
     * the order S3 returns them in. The two lists are merged as the store returned them, not
     * re-sorted, so a store that returns either list out of order fails the caller's assertions.
     */
    public static List<String> entries(ListPage page) {
        List<String> objects = keys(page);
        List<String> prefixes = page.commonPrefixes();
        List<String> out = new ArrayList<>(objects.size() + prefixes.size());
        int i = 0;
        int j = 0;
        while (i < objects.size() || j < prefixes.size()) {
            boolean takeObject = j == prefixes.size()
                    || (i < objects.size() && UTF8_BYTE_ORDER.compare(objects.get(i), prefixes.get(j)) < 0);
            out.add(takeObject ? objects.get(i++) : prefixes.get(j++));
        }
        return out;
    }

    /** Every key of a bucket, following pages. */
    public static List<String> listAllKeys(BlobStore store, String bucket) {
        return walk(store, new ListRequest(bucket, "", null, null, ListRequest.MAX_KEYS));
    }

    /**
     * Walks a listing page by page from {@code first}, passing each page's {@code nextStartAfter}
     * on, and returns all entries (keys and common prefixes) in the order received.
     */
    public static List<String> walk(BlobStore store, ListRequest first) {
        List<String> out = new ArrayList<>();
        ListRequest request = first;
        for (int pages = 0; ; pages++) {
            if (pages > 100_000) {
                throw new AssertionError("listing does not terminate");
            }
            ListPage page = store.list(request);
            out.addAll(entries(page));
            if (!page.truncated()) {
                return out;
            }
            request = new ListRequest(first.bucket(), first.prefix(), first.delimiter(), page.nextStartAfter(), first.maxKeys());
        }
    }
}

package dev.cairn.blob.gcs;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.listAllKeys;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.testkit.AbstractBlobStoreContractTest;
import dev.cairn.blob.testkit.ConditionalWriteContract;
import dev.cairn.blob.testkit.MultipartContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole contract suite against fake-gcs-server, with the default settings (bodies up to
 * 4 MiB go up in one request; {@link GcsStagedWriteTest} covers the resumable, staged path).
 *
 * <p>Where GCS differs: object names are at most 1024 UTF-8 bytes including the store's prefix
 * and the bucket's name, so a 1024-byte key cannot be stored; the store refuses it with
 * INVALID_ARGUMENT and the longest key that fits works. (For multi-byte keys the round trip uses
 * at most 600 bytes: the client library turns a GET whose URL exceeds 2048 characters into a
 * POST with {@code X-HTTP-Method-Override}, which GCS honours and fake-gcs-server does not.)
 */
class GcsBlobStoreContractTest extends AbstractBlobStoreContractTest implements ConditionalWriteContract, MultipartContract {

    @Override
    protected BlobStore createStore(Path tempDir) {
        return GcsEmulator.open(tempDir, Map.of());
    }

    @Override
    @Test
    public void keyOfExactly1024Utf8BytesAsOneSegment() {
        assertTooLongThenLongestFits("k");
    }

    @Override
    @Test
    public void keyOfExactly1024MultiByteUtf8BytesWithoutSlashes() {
        assertTooLongThenLongestFits("\u65e5");
    }

    @Override
    @Test
    public void keyOfExactly1024Utf8BytesWithManySlashes() {
        assertTooLongThenLongestFits("seg/");
    }

    @Override
    @Test
    public void keyOfExactly1024Utf8BytesWithFourByteCharacters() {
        assertTooLongThenLongestFits("\ud83d\ude00");
    }

    private void assertTooLongThenLongestFits(String unit) {
        StringBuilder sb = new StringBuilder();
        while (sb.toString().getBytes(StandardCharsets.UTF_8).length + unit.getBytes(StandardCharsets.UTF_8).length <= 1024) {
            sb.append(unit);
        }
        BlobKey tooLong = key(sb.toString());
        assertBlobError(BlobError.INVALID_ARGUMENT, () -> put(store(), tooLong, utf8("long")));
        assertEquals(List.of(), listAllKeys(store(), bucket()));
        // The longest key that fits: 1024 bytes minus "<prefix><bucket>/".
        int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
        int budget = 1024 - ((GcsBlobStore) store()).prefixBytes(bucket());
        if (unitBytes > 1) {
            budget = Math.min(budget, 600); // fake-gcs-server: no X-HTTP-Method-Override (see the class comment)
        }
        StringBuilder fits = new StringBuilder();
        while (fits.toString().getBytes(StandardCharsets.UTF_8).length + unit.getBytes(StandardCharsets.UTF_8).length <= budget) {
            fits.append(unit);
        }
        BlobKey longest = key(fits.toString());
        put(store(), longest, utf8("long"));
        assertArrayEquals(utf8("long"), readAll(store(), longest));
        assertEquals(List.of(longest.key()), listAllKeys(store(), bucket()));
        store().delete(longest);
        assertEquals(List.of(), listAllKeys(store(), bucket()));
    }
}

package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.Capability;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proof of {@link Capability#WRITE_IF_MATCH}: a write with {@link WritePrecondition.IfMatch}
 * publishes only if the current object's entity tag equals the given one, checked atomically
 * with the publish (compare-and-swap).
 *
 * <ul>
 *   <li>current ETag: the write succeeds;
 *   <li>another ETag: {@link BlobError#PRECONDITION_FAILED}, the current object is untouched;
 *   <li><b>no object under the key: {@link BlobError#NO_SUCH_KEY}</b>. This follows Amazon S3,
 *       which answers a conditional PutObject with {@code If-Match} on a missing key with
 *       {@code 404 NoSuchKey} (RFC 9110 would say 412). A backend whose service answers 412
 *       (GCS {@code ifGenerationMatch}) translates that case to NO_SUCH_KEY.
 * </ul>
 *
 * <p>A test class implements this interface exactly when its store declares
 * {@link Capability#WRITE_IF_MATCH}; {@link AbstractBlobStoreContractTest} checks that.
 */
public interface ConditionalUpdateContract extends StoreFixture {

    private static WriteOptions ifMatch(String etag) {
        return WriteOptions.DEFAULTS.withPrecondition(new WritePrecondition.IfMatch(etag));
    }

    @Test
    default void ifMatchWithTheCurrentEtagReplacesTheObject() {
        BlobKey k = key("cas");
        ObjectInfo v1 = put(store(), k, utf8("one"));
        ObjectInfo v2 = put(store(), k, utf8("two"), ifMatch(v1.etag()).withUserMetadata(Map.of("gen", "2")));
        assertArrayEquals(utf8("two"), readAll(store(), k));
        assertEquals(v2.etag(), store().stat(k).etag());
        assertEquals(Map.of("gen", "2"), store().stat(k).userMetadata());
        put(store(), k, utf8("three"), ifMatch(v2.etag()));
        assertArrayEquals(utf8("three"), readAll(store(), k));
    }

    @Test
    default void ifMatchWithAStaleEtagFailsAndKeepsTheObject() {
        BlobKey k = key("cas");
        ObjectInfo v1 = put(store(), k, utf8("one"));
        ObjectInfo v2 = put(store(), k, utf8("two"), WriteOptions.DEFAULTS.withUserMetadata(Map.of("gen", "2")));
        assertBlobError(BlobError.PRECONDITION_FAILED, () -> put(store(), k, utf8("three"), ifMatch(v1.etag())));
        assertArrayEquals(utf8("two"), readAll(store(), k));
        assertEquals(v2.etag(), store().stat(k).etag());
        assertEquals(Map.of("gen", "2"), store().stat(k).userMetadata());
    }

    @Test
    default void ifMatchOnAMissingKeyFailsWithNoSuchKeyAndCreatesNothing() {
        BlobKey k = key("absent");
        assertBlobError(BlobError.NO_SUCH_KEY, () -> put(store(), k, utf8("x"), ifMatch("d41d8cd98f00b204e9800998ecf8427e")));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(k));
    }

    @Test
    default void ifMatchOnADeletedKeyFailsWithNoSuchKey() {
        BlobKey k = key("deleted");
        ObjectInfo v1 = put(store(), k, utf8("x"));
        store().delete(k);
        assertBlobError(BlobError.NO_SUCH_KEY, () -> put(store(), k, utf8("y"), ifMatch(v1.etag())));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(k));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    default void sixteenRacingCompareAndSwapsHaveExactlyOneWinner() throws Exception {
        BlobKey k = key("race");
        ObjectInfo base = put(store(), k, utf8("base"));
        List<WriteRace.Outcome> outcomes = WriteRace.run(16, i -> randomBytes(64 * 1024, i),
                (i, body) -> store().write(k, body, ifMatch(base.etag())));
        List<WriteRace.Outcome> winners = outcomes.stream().filter(o -> o.failure() == null).toList();
        assertEquals(1, winners.size(), "exactly one IfMatch write of the same base may win");
        for (WriteRace.Outcome o : outcomes) {
            if (o.failure() != null) {
                assertEquals(BlobError.PRECONDITION_FAILED, o.failure().error(), o.failure().getMessage());
            }
        }
        assertArrayEquals(randomBytes(64 * 1024, winners.get(0).contender()), readAll(store(), k));
        assertEquals(winners.get(0).info().etag(), store().stat(k).etag());
    }
}

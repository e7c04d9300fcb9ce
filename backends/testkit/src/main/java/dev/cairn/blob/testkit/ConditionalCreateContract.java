package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.randomBytes;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.Capability;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.Blake3;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proof of {@link Capability#WRITE_IF_ABSENT}: a write with {@link WritePrecondition.IfAbsent}
 * ({@code If-None-Match: *}) publishes only if no object exists under the key, checked atomically
 * with the publish. When an object exists the write fails with
 * {@link BlobError#PRECONDITION_FAILED} and the existing object is untouched. Of any number of
 * racing creates, exactly one wins and the stored bytes are the winner's.
 *
 * <p>A test class implements this interface exactly when its store declares
 * {@link Capability#WRITE_IF_ABSENT}; {@link AbstractBlobStoreContractTest} checks that.
 */
public interface ConditionalCreateContract extends StoreFixture {

    WriteOptions IF_ABSENT = WriteOptions.DEFAULTS.withPrecondition(new WritePrecondition.IfAbsent());

    @Test
    default void ifAbsentCreatesAnAbsentKey() {
        BlobKey k = key("new");
        ObjectInfo info = put(store(), k, utf8("created"), IF_ABSENT.withUserMetadata(Map.of("m", "1")));
        assertEquals(info.etag(), store().stat(k).etag());
        assertArrayEquals(utf8("created"), readAll(store(), k));
        assertEquals(Map.of("m", "1"), store().stat(k).userMetadata());
    }

    @Test
    default void ifAbsentOnAnExistingKeyFailsAndKeepsTheObject() {
        BlobKey k = key("taken");
        ObjectInfo first = put(store(), k, utf8("first"), WriteOptions.DEFAULTS.withUserMetadata(Map.of("gen", "1")));
        assertBlobError(BlobError.PRECONDITION_FAILED, () -> put(store(), k, utf8("second"),
                IF_ABSENT.withUserMetadata(Map.of("gen", "2"))));
        assertArrayEquals(utf8("first"), readAll(store(), k));
        assertEquals(first.etag(), store().stat(k).etag());
        assertEquals(Map.of("gen", "1"), store().stat(k).userMetadata());
    }

    @Test
    default void ifAbsentOnAnExistingEmptyObjectFails() {
        BlobKey k = key("empty");
        put(store(), k, new byte[0]);
        assertBlobError(BlobError.PRECONDITION_FAILED, () -> put(store(), k, new byte[0], IF_ABSENT));
    }

    @Test
    default void ifAbsentSucceedsAgainAfterTheKeyIsDeleted() {
        BlobKey k = key("recycled");
        put(store(), k, utf8("one"), IF_ABSENT);
        store().delete(k);
        put(store(), k, utf8("two"), IF_ABSENT);
        assertArrayEquals(utf8("two"), readAll(store(), k));
    }

    @Test
    default void failedIfAbsentWriteDoesNotHoldTheKey() {
        BlobKey k = key("held");
        assertBlobError(BlobError.BAD_DIGEST, () -> put(store(), k, utf8("bad"),
                IF_ABSENT.withExpected(ChecksumAlgorithm.B3, Blake3.hex(utf8("good")))));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store().stat(k));
        put(store(), k, utf8("good"), IF_ABSENT);
        assertArrayEquals(utf8("good"), readAll(store(), k));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    default void sixteenRacingCreatesHaveExactlyOneWinner() throws Exception {
        BlobKey k = key("race");
        List<WriteRace.Outcome> outcomes = WriteRace.run(16, i -> randomBytes(64 * 1024, i),
                (i, body) -> store().write(k, body, IF_ABSENT.withUserMetadata(Map.of("who", Integer.toString(i)))));
        List<WriteRace.Outcome> winners = outcomes.stream().filter(o -> o.failure() == null).toList();
        assertEquals(1, winners.size(), "exactly one IfAbsent write may win");
        for (WriteRace.Outcome o : outcomes) {
            if (o.failure() != null) {
                assertEquals(BlobError.PRECONDITION_FAILED, o.failure().error(), o.failure().getMessage());
            }
        }
        WriteRace.Outcome winner = winners.get(0);
        assertNull(winner.failure());
        assertArrayEquals(randomBytes(64 * 1024, winner.contender()), readAll(store(), k));
        assertEquals(winner.info().etag(), store().stat(k).etag());
        assertEquals(Integer.toString(winner.contender()), store().stat(k).userMetadata().get("who"));
    }
}

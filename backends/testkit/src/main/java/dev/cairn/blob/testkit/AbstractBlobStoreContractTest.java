package dev.cairn.blob.testkit;

import static dev.cairn.blob.testkit.ContractSupport.assertBlobError;
import static dev.cairn.blob.testkit.ContractSupport.listAllKeys;
import static dev.cairn.blob.testkit.ContractSupport.put;
import static dev.cairn.blob.testkit.ContractSupport.readAll;
import static dev.cairn.blob.testkit.ContractSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BucketInfo;
import dev.cairn.blob.Capability;
import dev.cairn.blob.HealthReport;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ReadOptions;
import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link BlobStore} backend and decorator passes. A backend's test extends
 * this class, implements {@link #createStore}, and implements the optional contract interfaces
 * for the capabilities it declares (for example {@link ConditionalWriteContract}) and the optional
 * interfaces its store implements ({@link MultipartContract} for {@link SupportsMultipart}).
 *
 * <p>The mandatory parts live in the interfaces this class implements, one per topic:
 * {@link RoundTripContract}, {@link KeyNamingContract}, {@link RangeContract},
 * {@link ReadConditionsContract}, {@link FailureAtomicityContract}, {@link ListingContract},
 * {@link CopyContract} and {@link ConcurrencyContract}. This class adds the bucket lifecycle,
 * missing-bucket and missing-key errors, health, and the meta-test that the declared
 * {@link BlobStore#capabilities()} and optional interfaces match the optional contracts the test
 * class implements, so a backend cannot claim a capability or interface it has not proven.
 *
 * <p>Where a real service legitimately differs, override the test method and assert the
 * difference; do not just disable it.
 */
public abstract class AbstractBlobStoreContractTest implements
        RoundTripContract,
        KeyNamingContract,
        RangeContract,
        ReadConditionsContract,
        FailureAtomicityContract,
        ListingContract,
        CopyContract,
        ConcurrencyContract {

    /** The bucket {@link #bucket()} names; created before each test. */
    protected static final String BUCKET = "contract";

    /** Which optional contract proves which capability. */
    private static final Map<Capability, Class<?>> PROOF = Map.of(
            Capability.WRITE_IF_ABSENT, ConditionalCreateContract.class,
            Capability.WRITE_IF_MATCH, ConditionalUpdateContract.class);

    /** Which optional contract proves which optional interface ({@code Supports*}) of the store. */
    private static final Map<Class<?>, Class<?>> INTERFACE_PROOF = Map.of(
            SupportsMultipart.class, MultipartContract.class);

    private BlobStore store;

    /**
     * Opens a new, empty store for one test.
     *
     * @param tempDir a fresh directory the store may use; deleted after the test
     */
    protected abstract BlobStore createStore(Path tempDir) throws Exception;

    @BeforeEach
    final void openStore(@TempDir Path tempDir) throws Exception {
        store = createStore(tempDir);
        store.createBucket(BUCKET);
    }

    @AfterEach
    final void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    public final BlobStore store() {
        return store;
    }

    @Override
    public final String bucket() {
        return BUCKET;
    }

    // ---- capabilities ----------------------------------------------------------------------

    @Test
    void declaredCapabilitiesAndInterfacesMatchTheContractsThisTestImplements() {
        Set<Capability> declared = store.capabilities();
        for (Map.Entry<Capability, Class<?>> e : PROOF.entrySet()) {
            boolean claims = declared.contains(e.getKey());
            boolean proves = e.getValue().isInstance(this);
            assertEquals(claims, proves, claims
                    ? "the store declares " + e.getKey() + " but " + getClass().getSimpleName()
                            + " does not implement " + e.getValue().getSimpleName()
                    : getClass().getSimpleName() + " implements " + e.getValue().getSimpleName()
                            + " but the store does not declare " + e.getKey());
        }
        for (Map.Entry<Class<?>, Class<?>> e : INTERFACE_PROOF.entrySet()) {
            boolean claims = e.getKey().isInstance(store);
            boolean proves = e.getValue().isInstance(this);
            assertEquals(claims, proves, claims
                    ? "the store implements " + e.getKey().getSimpleName() + " but " + getClass().getSimpleName()
                            + " does not implement " + e.getValue().getSimpleName()
                    : getClass().getSimpleName() + " implements " + e.getValue().getSimpleName()
                            + " but the store does not implement " + e.getKey().getSimpleName());
        }
    }

    /**
     * Runs for every store: without {@link Capability#WRITE_IF_ABSENT} the precondition is refused
     * as UNSUPPORTED and nothing is written; with it, a create over an existing key is refused as
     * PRECONDITION_FAILED and the current version stays (the races live in the optional contract).
     */
    @Test
    void ifAbsentIsHonouredOrRefusedAsDeclared() {
        BlobKey k = key("cond");
        WriteOptions ifAbsent = WriteOptions.DEFAULTS.withPrecondition(new WritePrecondition.IfAbsent());
        if (!store.capabilities().contains(Capability.WRITE_IF_ABSENT)) {
            assertBlobError(BlobError.UNSUPPORTED, () -> put(store, k, utf8("x"), ifAbsent));
            assertBlobError(BlobError.NO_SUCH_KEY, () -> store.stat(k));
            return;
        }
        put(store, k, utf8("one"));
        assertBlobError(BlobError.PRECONDITION_FAILED, () -> put(store, k, utf8("two"), ifAbsent));
        assertArrayEquals(utf8("one"), readAll(store, k));
    }

    /**
     * Runs for every store: without {@link Capability#WRITE_IF_MATCH} the precondition is refused
     * as UNSUPPORTED; with it, a stale tag is refused as PRECONDITION_FAILED. Either way the
     * current version stays.
     */
    @Test
    void ifMatchIsHonouredOrRefusedAsDeclared() {
        BlobKey k = key("cond");
        ObjectInfo v1 = put(store, k, utf8("one"));
        WriteOptions stale = WriteOptions.DEFAULTS.withPrecondition(new WritePrecondition.IfMatch("0".repeat(32)));
        if (!store.capabilities().contains(Capability.WRITE_IF_MATCH)) {
            assertBlobError(BlobError.UNSUPPORTED, () -> put(store, k, utf8("two"),
                    WriteOptions.DEFAULTS.withPrecondition(new WritePrecondition.IfMatch(v1.etag()))));
        } else {
            assertBlobError(BlobError.PRECONDITION_FAILED, () -> put(store, k, utf8("two"), stale));
        }
        assertArrayEquals(utf8("one"), readAll(store, k));
    }

    // ---- buckets ---------------------------------------------------------------------------

    @Test
    void createdBucketExistsAndOthersDoNot() {
        store.createBucket("b-new");
        assertTrue(store.bucketExists("b-new"));
        assertTrue(store.bucketExists(BUCKET));
        assertFalse(store.bucketExists("never-created"));
    }

    @Test
    void creatingAnExistingBucketFails() {
        store.createBucket("twice");
        assertBlobError(BlobError.BUCKET_ALREADY_EXISTS, () -> store.createBucket("twice"));
        assertTrue(store.bucketExists("twice"));
    }

    @Test
    void deletingANonEmptyBucketFailsAndKeepsItsObjects() {
        put(store, key("keep"), utf8("data"));
        assertBlobError(BlobError.BUCKET_NOT_EMPTY, () -> store.deleteBucket(BUCKET));
        assertTrue(store.bucketExists(BUCKET));
        assertArrayEquals(utf8("data"), readAll(store, key("keep")));
    }

    @Test
    void deletingAMissingBucketFails() {
        assertBlobError(BlobError.NO_SUCH_BUCKET, () -> store.deleteBucket("missing"));
    }

    @Test
    void deletedBucketIsGoneAndComesBackEmpty() {
        store.createBucket("cycle");
        BlobKey k = new BlobKey("cycle", "dir/file");
        put(store, k, utf8("x"));
        store.delete(k);
        store.deleteBucket("cycle");
        assertFalse(store.bucketExists("cycle"));
        assertFalse(store.listBuckets().stream().anyMatch(b -> b.name().equals("cycle")));
        store.createBucket("cycle");
        assertEquals(List.of(), listAllKeys(store, "cycle"));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store.stat(k));
    }

    @Test
    void listBucketsIsSortedByName() {
        for (String name : List.of("zeta", "alpha", "m-1", "m.0", "a9")) {
            store.createBucket(name);
        }
        List<String> names = new ArrayList<>();
        for (BucketInfo b : store.listBuckets()) {
            names.add(b.name());
            assertNotNull(b.created());
        }
        assertEquals(List.of("a9", "alpha", BUCKET, "m-1", "m.0", "zeta"), names);
    }

    // ---- missing bucket / key --------------------------------------------------------------

    @Test
    void statAndReadOfAMissingKeyFailWithNoSuchKey() {
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store.stat(key("absent")));
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store.read(key("absent"), ReadOptions.WHOLE).close());
    }

    @Test
    void everyObjectCallOnAMissingBucketFailsWithNoSuchBucket() {
        BlobKey k = new BlobKey("missing", "k");
        assertBlobError(BlobError.NO_SUCH_BUCKET, () -> store.stat(k));
        assertBlobError(BlobError.NO_SUCH_BUCKET, () -> store.read(k, ReadOptions.WHOLE).close());
        assertBlobError(BlobError.NO_SUCH_BUCKET, () -> put(store, k, utf8("x")));
        assertBlobError(BlobError.NO_SUCH_BUCKET, () -> store.delete(k));
        assertBlobError(BlobError.NO_SUCH_BUCKET, () -> store.list(ListRequest.all("missing")));
        assertFalse(store.bucketExists("missing"), "a failed write must not create the bucket");
    }

    @Test
    void deleteIsIdempotent() {
        BlobKey k = key("gone");
        store.delete(k);
        put(store, k, utf8("x"));
        store.delete(k);
        store.delete(k);
        assertBlobError(BlobError.NO_SUCH_KEY, () -> store.stat(k));
        assertEquals(List.of(), listAllKeys(store, BUCKET));
    }

    @Test
    void deleteAllDeletesEveryKeyAndCountsMissingOnesAsDeleted() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            put(store, key("batch/" + i), utf8("x" + i));
            keys.add("batch/" + i);
        }
        put(store, key("kept"), utf8("k"));
        keys.add("batch/never-written");
        assertEquals(Map.of(), store.deleteAll(BUCKET, keys));
        assertEquals(List.of("kept"), listAllKeys(store, BUCKET));
        assertEquals(Map.of(), store.deleteAll(BUCKET, keys), "deleting again is idempotent");
        assertBlobError(BlobError.NO_SUCH_BUCKET, () -> store.deleteAll("missing", List.of("a")));
    }

    // ---- health and lifecycle --------------------------------------------------------------

    @Test
    void freshStoreIsReadableAndWritable() {
        HealthReport health = store.health();
        assertTrue(health.readable(), health.detail());
        assertTrue(health.writable(), health.detail());
    }

    @Test
    void closeIsIdempotent() {
        store.close();
        store.close();
    }
}

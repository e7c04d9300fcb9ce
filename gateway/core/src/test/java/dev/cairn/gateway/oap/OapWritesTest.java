package dev.cairn.gateway.oap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.Capability;
import dev.cairn.blob.ListRequest;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.digest.Blake3;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OapWritesTest {
    final OapFixture f = new OapFixture();

    static String addr(byte[] data) {
        return "b3:" + Blake3.hex(data);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    ObjectInfo stat(String address) {
        return f.store.stat(new BlobKey(OapApi.BUCKET, address));
    }

    int storedCount() {
        return f.store.list(ListRequest.all(OapApi.BUCKET)).objects().size();
    }

    @Test
    void createsTheBlobBucket() {
        assertTrue(f.store.bucketExists(".oap"));
        new OapApi(f.store, new OapSettings(1, 1, 1, true, true, null, null), f.registry); // existing bucket is fine
    }

    @Test
    void putStoresAndAnswers201ThenDeduplicatesWith200() {
        byte[] data = bytes("hello oap");
        OapFixture.Reply first = f.put(data);
        assertEquals(201, first.status());
        assertEquals("/o/" + addr(data), first.header("Location"));
        assertEquals('"' + addr(data) + '"', first.header("ETag"));
        assertEquals("application/json", first.header("Content-Type"));
        assertEquals("{\"cid\":\"" + addr(data) + "\",\"size\":9}", first.text());
        ObjectInfo stored = stat(addr(data));
        assertEquals("application/octet-stream", stored.contentType());

        OapFixture.Reply again = f.put(data, "Content-Type", "text/plain");
        assertEquals(200, again.status());
        assertEquals(first.text(), again.text());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        // not rewritten: the first version, with its metadata, is still there
        ObjectInfo after = stat(addr(data));
        assertEquals(stored.lastModified(), after.lastModified());
        assertEquals("application/octet-stream", after.contentType());
    }

    @Test
    void postPutAndPostOAreAliases() {
        assertEquals(201, f.call("POST", "/put", bytes("a"), "Authorization", OapFixture.AUTH).status());
        assertEquals(201, f.call("POST", "/o", bytes("b"), "Authorization", OapFixture.AUTH).status());
        assertEquals(200, f.call("POST", "/o", bytes("a"), "Authorization", OapFixture.AUTH).status());
    }

    @Test
    void emptyBodyIsABlob() {
        OapFixture.Reply r = f.put(new byte[0]);
        assertEquals(201, r.status());
        assertTrue(r.text().contains("\"size\":0"));
        assertEquals(addr(new byte[0]), "b3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
    }

    @Test
    void contentTypeIsStoredAndValidated() {
        byte[] data = bytes("{}");
        assertEquals(201, f.put(data, "Content-Type", "application/json; charset=utf-8").status());
        assertEquals("application/json; charset=utf-8", stat(addr(data)).contentType());
        OapFixture.Reply bad = f.put(bytes("x"), "Content-Type", "not a type");
        assertEquals(400, bad.status());
        assertEquals("application/problem+json", bad.header("Content-Type"));
    }

    @Test
    void declaredOversizeIsRefusedWithoutOpeningTheBody() {
        OapFixture.Reply r = f.call("PUT", "/put", new ByteArrayInputStream(new byte[0]), OapSettings.DEFAULT_MAX_BODY + 1,
                "Authorization", OapFixture.AUTH);
        assertEquals(413, r.status());
        assertEquals(0, f.bodiesOpened.get());
        assertEquals(413, f.call("PUT", "/o/" + addr(bytes("x")), new ByteArrayInputStream(new byte[0]),
                OapSettings.DEFAULT_MAX_BODY + 1, "Authorization", OapFixture.AUTH).status());
        assertEquals(0, f.bodiesOpened.get());
    }

    @Test
    void undeclaredOversizeStopsReadingJustPastTheCap() {
        AtomicLong consumed = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                consumed.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                consumed.addAndGet(len);
                return len;
            }
        };
        OapFixture.Reply r = f.call("PUT", "/put", endless, -1, "Authorization", OapFixture.AUTH);
        assertEquals(413, r.status());
        assertEquals(OapSettings.DEFAULT_MAX_BODY + 1, consumed.get());
        assertEquals(0, storedCount());
    }

    @Test
    void exactlyTheCapIsAccepted() {
        assertEquals(201, f.call("PUT", "/put", new ByteArrayInputStream(new byte[(int) OapSettings.DEFAULT_MAX_BODY]), -1,
                "Authorization", OapFixture.AUTH).status());
    }

    @Test
    void writesNeedTheBearerToken() {
        OapFixture.Reply none = f.call("PUT", "/put", bytes("x"));
        assertEquals(401, none.status());
        assertEquals("Bearer", none.header("WWW-Authenticate"));
        OapFixture.Reply basic = f.call("PUT", "/put", bytes("x"), "Authorization", "Basic Zm9vOmJhcg==");
        assertEquals(401, basic.status());
        assertEquals("Bearer", basic.header("WWW-Authenticate"));
        OapFixture.Reply wrong = f.call("PUT", "/put", bytes("x"), "Authorization", "Bearer nope");
        assertEquals(403, wrong.status());
        assertNull(wrong.header("WWW-Authenticate"));
        assertFalse(wrong.text().contains(OapFixture.TOKEN));
        assertEquals(403, f.call("PUT", "/o/" + addr(bytes("x")), bytes("x"), "Authorization", "Bearer nope").status());
        assertEquals(0, f.bodiesOpened.get());
        assertEquals(0, storedCount());
    }

    @Test
    void openWritesNeedNoToken() {
        OapFixture open = new OapFixture(new OapSettings(1 << 20, 10, 1 << 20, true, true, null, null));
        assertEquals(201, open.call("PUT", "/put", bytes("x")).status());
    }

    @Test
    void claimedAddressIsVerifiedAndStored() {
        byte[] data = bytes("claimed");
        OapFixture.Reply r = f.call("PUT", "/o/" + addr(data), data, "Authorization", OapFixture.AUTH, "Content-Type", "text/plain");
        assertEquals(201, r.status());
        assertEquals("{\"cid\":\"" + addr(data) + "\",\"size\":7}", r.text());
        assertEquals("/o/" + addr(data), r.header("Location"));
        assertEquals("text/plain", stat(addr(data)).contentType());

        int opened = f.bodiesOpened.get();
        OapFixture.Reply again = f.call("PUT", "/o/" + addr(data), data, "Authorization", OapFixture.AUTH);
        assertEquals(200, again.status());
        assertEquals(r.text(), again.text());
        assertEquals(opened, f.bodiesOpened.get(), "an existing blob is not read again");
    }

    @Test
    void wrongDigestIs422StoresNothingAndCounts() {
        String claimed = addr(bytes("the real thing"));
        assertEquals(0.0, f.integrityFailures("digest_mismatch"));
        OapFixture.Reply r = f.call("PUT", "/o/" + claimed, bytes("an impostor"), "Authorization", OapFixture.AUTH);
        assertEquals(422, r.status());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertTrue(r.text().contains("\"type\":\"https://cairn.dev/problems/digest-mismatch\""), r.text());
        assertEquals(0, storedCount());
        assertEquals(1.0, f.integrityFailures("digest_mismatch"));
    }

    @Test
    void malformedClaimedAddressIs400BeforeTheBodyIsRead() {
        for (String bad : List.of("B3:" + "a".repeat(64), "b3:" + "A".repeat(64), "b3:abc", "sha256:" + "a".repeat(64),
                "b3%3A" + "a".repeat(64), "b3:" + "a".repeat(65), "")) {
            OapFixture.Reply r = f.call("PUT", "/o/" + bad, bytes("x"), "Authorization", OapFixture.AUTH);
            assertEquals(400, r.status(), bad);
            assertTrue(r.text().contains("invalid-address"), r.text());
        }
        assertEquals(0, f.bodiesOpened.get());
    }

    @Test
    void gzipAndZstdBodiesAreAddressedByTheirDecodedBytes() throws IOException {
        byte[] data = InflatingBodiesTest.random(50_000);
        OapFixture.Reply gz = f.put(InflatingBodiesTest.gzip(data), "Content-Encoding", "gzip");
        assertEquals(201, gz.status());
        assertEquals("/o/" + addr(data), gz.header("Location"));
        assertTrue(gz.text().contains("\"size\":50000"));

        byte[] other = InflatingBodiesTest.random(60_000);
        OapFixture.Reply zs = f.call("PUT", "/o/" + addr(other), Zstd.compress(other),
                "Authorization", OapFixture.AUTH, "Content-Encoding", "zstd");
        assertEquals(201, zs.status());
        assertEquals(60_000, stat(addr(other)).size());
        assertEquals(200, f.put(Zstd.compress(data), "Content-Encoding", "zstd").status());
        assertEquals(201, f.put(bytes("plain"), "Content-Encoding", "identity").status());
    }

    @Test
    void unknownOrStackedEncodingsAre415() {
        for (String enc : List.of("br", "gzip, br", "deflate")) {
            OapFixture.Reply r = f.put(bytes("x"), "Content-Encoding", enc);
            assertEquals(415, r.status(), enc);
            assertEquals("gzip, zstd, identity", r.header("Accept-Encoding"));
        }
        assertEquals(0, f.bodiesOpened.get());
    }

    @Test
    void corruptCompressedBodiesAre400() {
        assertEquals(400, f.put(bytes("not gzip"), "Content-Encoding", "gzip").status());
        assertEquals(400, f.call("PUT", "/o/" + addr(bytes("x")), bytes("not zstd"),
                "Authorization", OapFixture.AUTH, "Content-Encoding", "zstd").status());
        assertEquals(0, storedCount());
    }

    @Test
    void bombsAre413() throws IOException {
        byte[] bomb = InflatingBodiesTest.gzip(new byte[16 << 20]);
        OapFixture.Reply r = f.put(bomb, "Content-Encoding", "gzip");
        assertEquals(413, r.status());
        assertTrue(r.text().contains("ratio"), r.text());
        OapFixture.Reply claimed = f.call("PUT", "/o/" + addr(new byte[16 << 20]), bomb,
                "Authorization", OapFixture.AUTH, "Content-Encoding", "gzip");
        assertEquals(413, claimed.status());
        assertEquals(0, storedCount());

        OapFixture generous = new OapFixture(new OapSettings(1 << 20, 1_000_000, 256 << 10, false, true, OapFixture.TOKEN, null));
        OapFixture.Reply absolute = generous.put(bomb, "Content-Encoding", "gzip");
        assertEquals(413, absolute.status());
        assertTrue(absolute.text().contains("oap.max-inflated"), absolute.text());
    }

    @Test
    void concurrentIdenticalPutsStoreOneCopyAndExactlyOneCreates() throws Exception {
        byte[] data = InflatingBodiesTest.random(100_000);
        int n = 32;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<OapFixture.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return f.put(data);
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<OapFixture.Reply> fu : futures) {
                OapFixture.Reply r = fu.get();
                assertTrue(r.status() == 200 || r.status() == 201, "status " + r.status());
                assertEquals("/o/" + addr(data), r.header("Location"));
                created += r.status() == 201 ? 1 : 0;
            }
            if (f.store.capabilities().contains(Capability.WRITE_IF_ABSENT)) {
                assertEquals(1, created);
            } else {
                assertTrue(created >= 1);
            }
            assertEquals(1, storedCount());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void storeFailuresMapToProblems() {
        FaultyStore faulty = new FaultyStore(OapFixture.memoryStore());
        OapFixture ff = new OapFixture(faulty, new OapSettings(1 << 20, 10, 1 << 20, false, true, OapFixture.TOKEN, null));
        faulty.failWith(dev.cairn.blob.BlobError.INSUFFICIENT_STORAGE);
        assertEquals(507, ff.put(bytes("x")).status());
        faulty.failWith(dev.cairn.blob.BlobError.UNAVAILABLE);
        OapFixture.Reply unavailable = ff.put(bytes("x"));
        assertEquals(503, unavailable.status());
        assertEquals("5", unavailable.header("Retry-After"));
        faulty.failWith(dev.cairn.blob.BlobError.THROTTLED);
        assertEquals(503, ff.get("/o/" + addr(bytes("x"))).status());
        faulty.failWith(dev.cairn.blob.BlobError.INTERNAL);
        OapFixture.Reply internal = ff.put(bytes("x"));
        assertEquals(500, internal.status());
        assertTrue(internal.text().contains("\"requestId\":\"test-request\""), internal.text());
        assertFalse(internal.text().contains("injected"), internal.text());
        faulty.failWithRuntime();
        OapFixture.Reply bug = ff.put(bytes("x"));
        assertEquals(500, bug.status());
        assertFalse(bug.text().contains("Exception"), bug.text());
    }

    @Test
    void bodyReadFailureIs400() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertEquals(400, f.call("PUT", "/put", broken, -1, "Authorization", OapFixture.AUTH).status());
        assertEquals(400, f.call("PUT", "/o/" + addr(bytes("y")), broken, -1, "Authorization", OapFixture.AUTH).status());
        assertEquals(0, storedCount());
    }

    @Test
    void storeExceptionMessagesAreNotLeaked() {
        assertTrue(new BlobStoreException(dev.cairn.blob.BlobError.INTERNAL, "s", null, "secret").getMessage().contains("secret"));
        FaultyStore faulty = new FaultyStore(OapFixture.memoryStore());
        OapFixture ff = new OapFixture(faulty, new OapSettings(1 << 20, 10, 1 << 20, false, true, OapFixture.TOKEN, null));
        faulty.failWith(dev.cairn.blob.BlobError.INVALID_ARGUMENT);
        OapFixture.Reply r = ff.put(bytes("x"));
        assertEquals(400, r.status());
        assertFalse(r.text().contains("injected"), r.text());
    }

    @Test
    void roundTripThroughGet() {
        byte[] data = bytes("round trip");
        f.put(data);
        assertArrayEquals(data, f.get("/o/" + addr(data)).body());
    }
}

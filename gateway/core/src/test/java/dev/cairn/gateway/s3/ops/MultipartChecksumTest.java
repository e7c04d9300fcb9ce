package dev.cairn.gateway.s3.ops;

import static dev.cairn.gateway.s3.ops.ObjectTestSupport.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.gateway.s3.S3TestClient;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Multipart flexible checksums through the real gateway over the memory store (minimum part size
 * 8 bytes): every refusal of docs/adr/0009 with its S3 code and message, and the values of
 * COMPOSITE and FULL_OBJECT objects checked against checksums computed here over the bytes.
 */
class MultipartChecksumTest {
    private static final int MIN = 8;
    private final S3TestClient s3 = S3TestClient.customized(s -> s.withPartSizes(MIN, 1 << 20));
    private final byte[] p1 = bytes(1000, 1);
    private final byte[] p2 = bytes(333, 2);

    @BeforeEach
    void bucket() {
        assertEquals(200, s3.request("PUT", "/bkt").send().status());
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private S3TestClient.Response create(String path, String algorithm, String type) {
        S3TestClient.Request r = s3.request("POST", path).query("uploads", null);
        if (algorithm != null) {
            r.header("x-amz-checksum-algorithm", algorithm);
        }
        if (type != null) {
            r.header("x-amz-checksum-type", type);
        }
        return r.send();
    }

    private String start(String path, String algorithm, String type) {
        S3TestClient.Response r = create(path, algorithm, type);
        assertEquals(200, r.status(), r.text());
        return element(r.text(), "UploadId");
    }

    private S3TestClient.Response part(String path, String id, int n, byte[] body, ChecksumAlgorithm a) {
        S3TestClient.Request r = s3.request("PUT", path).query("partNumber", Integer.toString(n)).query("uploadId", id).body(body);
        if (a != null) {
            r.header("x-amz-checksum-" + a.name().toLowerCase(java.util.Locale.ROOT), ReferenceChecksums.base64(a, body));
        }
        return r.send();
    }

    private static String completion(List<String> etags, ChecksumAlgorithm a, List<String> sums) {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
        for (int i = 0; i < etags.size(); i++) {
            xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>").append(etags.get(i)).append("</ETag>");
            if (a != null) {
                xml.append("<Checksum").append(a.name()).append(">").append(sums.get(i)).append("</Checksum").append(a.name()).append(">");
            }
            xml.append("</Part>");
        }
        return xml.append("</CompleteMultipartUpload>").toString();
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        assertTrue(m.find(), name + " in " + xml);
        return m.group(1);
    }

    private static void assertMessage(S3TestClient.Response r, String message) {
        assertEquals(400, r.status(), r.text());
        assertTrue(r.text().contains("<Code>InvalidRequest</Code>"), r.text());
        assertTrue(r.text().contains("<Message>" + message + "</Message>"), r.text());
    }

    private static String composite(ChecksumAlgorithm a, byte[]... parts) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            raw.writeBytes(Base64.getDecoder().decode(ReferenceChecksums.base64(a, p)));
        }
        return ReferenceChecksums.base64(a, raw.toByteArray()) + "-" + parts.length;
    }

    /**
     * Checks a completion answer and HEAD with checksum mode both carry the FULL_OBJECT checksum
     * of p1 ‖ p2, computed here over the bytes.
     *
     * @return the HEAD answer
     */
    private S3TestClient.Response assertFullObject(String path, S3TestClient.Response done, ChecksumAlgorithm a) {
        assertEquals(200, done.status(), done.text());
        String whole = ReferenceChecksums.base64(a, concat(p1, p2));
        assertEquals(whole, element(done.text(), "Checksum" + a.name()));
        assertEquals("FULL_OBJECT", element(done.text(), "ChecksumType"));
        S3TestClient.Response head = s3.request("HEAD", path).header("x-amz-checksum-mode", "ENABLED").send();
        assertEquals(whole, head.header("x-amz-checksum-" + a.name().toLowerCase(java.util.Locale.ROOT)));
        assertEquals("FULL_OBJECT", head.header("x-amz-checksum-type"));
        return head;
    }

    @Test
    void createRefusesWhatS3Refuses() {
        assertMessage(create("/bkt/a", null, "COMPOSITE"),
                "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
        assertMessage(create("/bkt/a", "CRC64NVME", "COMPOSITE"),
                "The COMPOSITE checksum type cannot be used with the crc64nvme checksum algorithm.");
        assertMessage(create("/bkt/a", "SHA1", "FULL_OBJECT"), "The FULL_OBJECT checksum type cannot be used with the sha1 checksum algorithm.");
        assertMessage(create("/bkt/a", "SHA256", "FULL_OBJECT"),
                "The FULL_OBJECT checksum type cannot be used with the sha256 checksum algorithm.");
        assertMessage(create("/bkt/a", "CRC32", "WHOLE"), "Value for x-amz-checksum-type header is invalid.");
        assertMessage(create("/bkt/a", "MD5", null), "Value for x-amz-checksum-algorithm header is invalid.");
        assertTrue(s3.request("GET", "/bkt").query("uploads", null).send().text().contains("<IsTruncated>false</IsTruncated>"));
        assertFalse(s3.request("GET", "/bkt").query("uploads", null).send().text().contains("<Upload>"), "nothing was created");
    }

    @Test
    void createEchoesTheAlgorithmAndTheTypeWithS3sDefaults() {
        String[][] cases = {{"CRC32", null, "COMPOSITE"}, {"crc32c", null, "COMPOSITE"}, {"CRC64NVME", null, "FULL_OBJECT"},
            {"SHA1", null, "COMPOSITE"}, {"SHA256", "composite", "COMPOSITE"}, {"CRC32", "FULL_OBJECT", "FULL_OBJECT"},
            {"CRC32C", "FULL_OBJECT", "FULL_OBJECT"}};
        for (String[] c : cases) {
            S3TestClient.Response r = create("/bkt/e", c[0], c[1]);
            assertEquals(200, r.status(), r.text());
            assertEquals(c[0].toUpperCase(java.util.Locale.ROOT), r.header("x-amz-checksum-algorithm"));
            assertEquals(c[2], r.header("x-amz-checksum-type"), c[0] + " " + c[1]);
            String id = element(r.text(), "UploadId");
            S3TestClient.Response listed = s3.request("GET", "/bkt/e").query("uploadId", id).send();
            assertEquals(c[2], element(listed.text(), "ChecksumType"));
        }
        S3TestClient.Response none = create("/bkt/e", null, null);
        assertNull(none.header("x-amz-checksum-algorithm"));
        assertNull(none.header("x-amz-checksum-type"));
    }

    @Test
    void aPartOfAnotherAlgorithmOrACompositePartWithoutOneIsRefusedBeforeItIsStored() {
        String id = start("/bkt/p", "CRC32", "COMPOSITE");
        assertMessage(part("/bkt/p", id, 1, p1, ChecksumAlgorithm.CRC32C),
                "Checksum Type mismatch occurred, expected checksum Type: CRC32, actual checksum Type: CRC32C");
        assertMessage(part("/bkt/p", id, 1, p1, null), "Checksum Type mismatch occurred, expected checksum Type: CRC32, actual checksum Type: null");
        assertFalse(s3.request("GET", "/bkt/p").query("uploadId", id).send().text().contains("<Part>"), "no part was stored");
    }

    @Test
    void aPartWithAWrongChecksumIsABadDigestAndNothingIsStored() {
        String id = start("/bkt/bd", "CRC32", "FULL_OBJECT");
        S3TestClient.Response r = s3.request("PUT", "/bkt/bd").query("partNumber", "1").query("uploadId", id)
                .header("x-amz-checksum-crc32", ReferenceChecksums.base64(ChecksumAlgorithm.CRC32, p2)).body(p1).send();
        assertError(r, 400, "BadDigest");
        assertFalse(s3.request("GET", "/bkt/bd").query("uploadId", id).send().text().contains("<Part>"));
    }

    @Test
    void fullObjectPartsWithoutAChecksumGetOneAndTheObjectHasTheCrcOfAllBytes() {
        String id = start("/bkt/f", "CRC32", "FULL_OBJECT");
        S3TestClient.Response r1 = part("/bkt/f", id, 1, p1, null);
        assertEquals(200, r1.status(), r1.text());
        assertEquals(ReferenceChecksums.base64(ChecksumAlgorithm.CRC32, p1), r1.header("x-amz-checksum-crc32"), "computed and echoed");
        S3TestClient.Response r2 = part("/bkt/f", id, 2, p2, ChecksumAlgorithm.CRC32);
        S3TestClient.Response listed = s3.request("GET", "/bkt/f").query("uploadId", id).send();
        assertTrue(listed.text().contains("<ChecksumCRC32>" + ReferenceChecksums.base64(ChecksumAlgorithm.CRC32, p2) + "</ChecksumCRC32>"),
                listed.text());
        S3TestClient.Response done = s3.request("POST", "/bkt/f").query("uploadId", id)
                .body(completion(List.of(r1.header("ETag"), r2.header("ETag")), null, null)).send();
        assertFullObject("/bkt/f", done, ChecksumAlgorithm.CRC32);
        S3TestClient.Response ranged = s3.request("GET", "/bkt/f").header("x-amz-checksum-mode", "ENABLED").header("Range", "bytes=0-9")
                .send();
        assertNull(ranged.header("x-amz-checksum-crc32"), "never on a range");
        assertNull(ranged.header("x-amz-checksum-type"));
        S3TestClient.Response part1 = s3.request("GET", "/bkt/f").query("partNumber", "1").header("x-amz-checksum-mode", "ENABLED").send();
        assertEquals(206, part1.status(), part1.text());
        assertNull(part1.header("x-amz-checksum-crc32"), "a FULL_OBJECT CRC does not cover one part");
    }

    @Test
    void compositeObjectsCarryTheChecksumOfThePartChecksums() {
        for (ChecksumAlgorithm a : List.of(ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256)) {
            String path = "/bkt/c-" + a;
            String id = start(path, a.name(), null);
            List<String> etags = List.of(part(path, id, 1, p1, a).header("ETag"), part(path, id, 2, p2, a).header("ETag"));
            List<String> sums = List.of(ReferenceChecksums.base64(a, p1), ReferenceChecksums.base64(a, p2));
            S3TestClient.Response done = s3.request("POST", path).query("uploadId", id).body(completion(etags, a, sums)).send();
            assertEquals(200, done.status(), done.text());
            assertEquals(composite(a, p1, p2), element(done.text(), "Checksum" + a.name()));
            assertEquals("COMPOSITE", element(done.text(), "ChecksumType"));
            String header = "x-amz-checksum-" + a.name().toLowerCase(java.util.Locale.ROOT);
            S3TestClient.Response head = s3.request("HEAD", path).header("x-amz-checksum-mode", "ENABLED").send();
            assertEquals(composite(a, p1, p2), head.header(header));
            assertEquals("COMPOSITE", head.header("x-amz-checksum-type"));
            for (String method : new String[] {"GET", "HEAD"}) {
                S3TestClient.Response part2 = s3.request(method, path).query("partNumber", "2").header("x-amz-checksum-mode", "ENABLED").send();
                assertEquals(206, part2.status(), part2.text());
                assertEquals(ReferenceChecksums.base64(a, p2), part2.header(header), method + " part 2 answers its own checksum");
                assertEquals("COMPOSITE", part2.header("x-amz-checksum-type"));
                assertNull(s3.request(method, path).query("partNumber", "2").send().header(header), "only with checksum mode");
            }
        }
    }

    @Test
    void aWrongPerPartChecksumAtCompleteIsAnInvalidPartAndTheUploadStays() {
        String id = start("/bkt/ip", "CRC32", "COMPOSITE");
        List<String> etags = List.of(part("/bkt/ip", id, 1, p1, ChecksumAlgorithm.CRC32).header("ETag"),
                part("/bkt/ip", id, 2, p2, ChecksumAlgorithm.CRC32).header("ETag"));
        String s1 = ReferenceChecksums.base64(ChecksumAlgorithm.CRC32, p1);
        String s2 = ReferenceChecksums.base64(ChecksumAlgorithm.CRC32, p2);
        assertError(s3.request("POST", "/bkt/ip").query("uploadId", id).body(completion(etags, ChecksumAlgorithm.CRC32, List.of(s1, s1)))
                .send(), 400, "InvalidPart");
        assertError(s3.request("POST", "/bkt/ip").query("uploadId", id)
                .body(completion(etags, ChecksumAlgorithm.SHA1, List.of("qZk+NkcGgWq6PiVxeFDCbJzQ2J0=", "qZk+NkcGgWq6PiVxeFDCbJzQ2J0=")))
                .send(), 400, "InvalidPart");
        S3TestClient.Response done = s3.request("POST", "/bkt/ip").query("uploadId", id)
                .body(completion(etags, ChecksumAlgorithm.CRC32, List.of(s1, s2))).send();
        assertEquals(200, done.status(), done.text());
    }

    @Test
    void aCompositeCompletionMustNameEveryPartsChecksumWhileFullObjectNeedsNone() {
        String id = start("/bkt/miss", "CRC32", "COMPOSITE");
        List<String> etags = List.of(part("/bkt/miss", id, 1, p1, ChecksumAlgorithm.CRC32).header("ETag"),
                part("/bkt/miss", id, 2, p2, ChecksumAlgorithm.CRC32).header("ETag"));
        assertMessage(s3.request("POST", "/bkt/miss").query("uploadId", id).body(completion(etags, null, null)).send(),
                "The upload was created using a crc32 checksum. The complete request must include the checksum for each part."
                        + " It was missing for part 1 in the request.");
        String s1 = ReferenceChecksums.base64(ChecksumAlgorithm.CRC32, p1);
        String partial = completion(etags, ChecksumAlgorithm.CRC32, List.of(s1, s1))
                .replaceFirst("<ChecksumCRC32>[^<]*</ChecksumCRC32></Part></CompleteMultipartUpload>", "</Part></CompleteMultipartUpload>");
        assertMessage(s3.request("POST", "/bkt/miss").query("uploadId", id).body(partial).send(),
                "The upload was created using a crc32 checksum. The complete request must include the checksum for each part."
                        + " It was missing for part 2 in the request.");
        String full = start("/bkt/full", "CRC32", "FULL_OBJECT");
        List<String> fullEtags = List.of(part("/bkt/full", full, 1, p1, ChecksumAlgorithm.CRC32).header("ETag"),
                part("/bkt/full", full, 2, p2, ChecksumAlgorithm.CRC32).header("ETag"));
        assertFullObject("/bkt/full", s3.request("POST", "/bkt/full").query("uploadId", full).body(completion(fullEtags, null, null)).send(),
                ChecksumAlgorithm.CRC32);
    }

    @Test
    void aWholeObjectChecksumOnCompleteIsVerifiedAndAMismatchKeepsTheUploadForARetry() {
        String id = start("/bkt/w", "CRC32C", "FULL_OBJECT");
        List<String> etags = List.of(part("/bkt/w", id, 1, p1, ChecksumAlgorithm.CRC32C).header("ETag"),
                part("/bkt/w", id, 2, p2, ChecksumAlgorithm.CRC32C).header("ETag"));
        String whole = ReferenceChecksums.base64(ChecksumAlgorithm.CRC32C, concat(p1, p2));
        S3TestClient.Response bad = s3.request("POST", "/bkt/w").query("uploadId", id)
                .header("x-amz-checksum-crc32c", ReferenceChecksums.base64(ChecksumAlgorithm.CRC32C, p1)).body(completion(etags, null, null))
                .send();
        assertError(bad, 400, "BadDigest");
        assertTrue(bad.text().contains("The CRC32C you specified did not match the calculated checksum."), bad.text());
        assertError(s3.request("HEAD", "/bkt/w").send(), 404, "NoSuchKey");
        assertMessage(s3.request("POST", "/bkt/w").query("uploadId", id).header("x-amz-checksum-type", "COMPOSITE")
                .body(completion(etags, null, null)).send(),
                "The upload was created using the FULL_OBJECT checksum mode. The complete request must use the same checksum mode.");
        assertMessage(s3.request("POST", "/bkt/w").query("uploadId", id).header("x-amz-checksum-crc32c", "nope")
                .body(completion(etags, null, null)).send(), "Value for x-amz-checksum-crc32c header is invalid.");
        S3TestClient.Response ok = s3.request("POST", "/bkt/w").query("uploadId", id).header("x-amz-checksum-crc32c", whole)
                .header("x-amz-checksum-type", "FULL_OBJECT").body(completion(etags, null, null)).send();
        assertEquals(200, ok.status(), ok.text());
        assertEquals(whole, element(ok.text(), "ChecksumCRC32C"));
    }

    @Test
    void withoutAnAlgorithmTheObjectGetsACrc64nvmeFullObjectEvenFromPartsWithOtherChecksums() {
        String id = start("/bkt/d", null, null);
        List<String> etags = new ArrayList<>();
        // parts may carry any checksum (the SDKs send CRC32 by default); the upload still keeps CRC64NVME
        etags.add(part("/bkt/d", id, 1, p1, ChecksumAlgorithm.CRC32).header("ETag"));
        etags.add(part("/bkt/d", id, 2, p2, null).header("ETag"));
        S3TestClient.Response listed = s3.request("GET", "/bkt/d").query("uploadId", id).send();
        assertFalse(listed.text().contains("<ChecksumAlgorithm>"), listed.text());
        assertTrue(listed.text().contains("<ChecksumCRC64NVME>" + ReferenceChecksums.base64(ChecksumAlgorithm.CRC64NVME, p2)), listed.text());
        S3TestClient.Response done = s3.request("POST", "/bkt/d").query("uploadId", id).body(completion(etags, null, null)).send();
        S3TestClient.Response head = assertFullObject("/bkt/d", done, ChecksumAlgorithm.CRC64NVME);
        assertNull(head.header("x-amz-checksum-crc32"), "the part checksums are not the object's");
    }

    @Test
    void aCopiedPartCarriesTheUploadsAlgorithmAndCombinesLikeAnyOther() {
        assertEquals(200, s3.request("PUT", "/bkt/src").body(p1).send().status());
        String id = start("/bkt/cp", "CRC32C", "FULL_OBJECT");
        S3TestClient.Response copied = s3.request("PUT", "/bkt/cp").query("partNumber", "1").query("uploadId", id)
                .header("x-amz-copy-source", "/bkt/src").send();
        assertEquals(200, copied.status(), copied.text());
        assertEquals(ReferenceChecksums.base64(ChecksumAlgorithm.CRC32C, p1), element(copied.text(), "ChecksumCRC32C"));
        String etag2 = part("/bkt/cp", id, 2, p2, ChecksumAlgorithm.CRC32C).header("ETag");
        S3TestClient.Response done = s3.request("POST", "/bkt/cp").query("uploadId", id)
                .body(completion(List.of(element(copied.text(), "ETag").replace("&quot;", "\""), etag2), null, null)).send();
        assertFullObject("/bkt/cp", done, ChecksumAlgorithm.CRC32C);
    }

    @Test
    void anUnknownUploadIsNoSuchUploadBeforeAnyChecksumRule() {
        start("/bkt/u", "CRC32", "COMPOSITE");
        assertError(part("/bkt/u", "nope", 1, p1, null), 404, "NoSuchUpload");
        assertError(s3.request("POST", "/bkt/u").query("uploadId", "nope").header("x-amz-checksum-type", "COMPOSITE")
                .body(completion(List.of("\"x\""), null, null)).send(), 404, "NoSuchUpload");
    }
}

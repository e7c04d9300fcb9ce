package dev.cairn.gateway.s3.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.gateway.s3.S3TestClient;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/** ListObjectsV2 and v1 semantics over a small tree: prefixes, delimiters, positions, the entry format. */
class ListOpsTest {
    private static final String B = "tree";
    private static final List<String> KEYS = List.of("a", "a/b", "a/c/d", "a/c/e", "a/d", "ab", "b/x", "b/y/z", "c");

    private final S3TestClient s3 = new S3TestClient();

    @BeforeEach
    void fill() {
        s3.store().createBucket(B);
        Listing.put(s3.store(), B, KEYS);
    }

    private Listing v2(String... rawParams) {
        S3TestClient.Request r = s3.request("GET", "/" + B).query("list-type", "2");
        for (int i = 0; i < rawParams.length; i += 2) {
            r.query(rawParams[i], rawParams[i + 1]);
        }
        return Listing.of(r.send());
    }

    private Listing v1(String... rawParams) {
        S3TestClient.Request r = s3.request("GET", "/" + B);
        for (int i = 0; i < rawParams.length; i += 2) {
            r.query(rawParams[i], rawParams[i + 1]);
        }
        return Listing.of(r.send());
    }

    @Test
    void plainListingHasEveryKeyAndTheEchoes() {
        Listing l = v2();
        assertEquals(KEYS, l.keys());
        assertEquals(List.of(), l.prefixes());
        assertEquals(B, l.text("Name"));
        assertEquals("", l.text("Prefix"), "S3 always echoes Prefix");
        assertNull(l.text("Delimiter"));
        assertNull(l.text("StartAfter"));
        assertNull(l.text("ContinuationToken"));
        assertNull(l.text("NextContinuationToken"));
        assertNull(l.text("EncodingType"));
        assertEquals("9", l.text("KeyCount"));
        assertEquals("1000", l.text("MaxKeys"));
        assertFalse(l.truncated());
    }

    @ParameterizedTest(name = "prefix={0} delimiter={1}")
    @CsvSource(delimiter = '|', value = {
        "''   | /   | a,ab,c                   | a/,b/",
        "a/   | /   | a/b,a/d                  | a/c/",
        "a    | /   | a,ab                     | a/",
        "a/c/ | ''  | a/c/d,a/c/e              | ''",
        "a/   | ''  | a/b,a/c/d,a/c/e,a/d      | ''",
        "zzz  | /   | ''                       | ''",
        "''   | /c/ | a,a/b,a/d,ab,b/x,b/y/z,c | a/c/",
        "''   | b   | a,a/c/d,a/c/e,a/d,c      | a/b,ab,b",
        "b    | /   | ''                       | b/",
        "a/c  | /   | ''                       | a/c/"})
    void prefixAndDelimiterCombinations(String prefix, String delimiter, String keys, String prefixes) {
        for (boolean v2 : new boolean[] {true, false}) {
            Listing l = v2 ? v2("prefix", prefix, "delimiter", delimiter) : v1("prefix", prefix, "delimiter", delimiter);
            assertEquals(split(keys), l.keys(), l.xml);
            assertEquals(split(prefixes), l.prefixes(), l.xml);
            assertFalse(l.truncated());
            if (v2) {
                assertEquals(String.valueOf(split(keys).size() + split(prefixes).size()), l.text("KeyCount"));
            }
            assertEquals(prefix, l.text("Prefix"));
            assertEquals(delimiter.isEmpty() ? null : delimiter, l.text("Delimiter"), "an empty delimiter is not echoed");
        }
    }

    private static List<String> split(String csv) {
        return csv.isEmpty() ? List.of() : List.of(csv.split(","));
    }

    @Test
    void aKeyAndAFolderOfTheSameNameCoexistAndNoPhantomFolderAppears() {
        Listing top = v2("delimiter", "/");
        assertTrue(top.keys().contains("a") && top.prefixes().contains("a/"), top.xml);
        Listing inside = v2("prefix", "a/", "delimiter", "/");
        assertFalse(inside.keys().contains("a/"), "no entry is invented for the folder itself");
        Listing.put(s3.store(), B, List.of("a/"));
        Listing marker = v2("prefix", "a/", "delimiter", "/");
        assertEquals(List.of("a/", "a/b", "a/d"), marker.keys(), "a real folder marker object is listed once, as itself");
    }

    @Test
    void startAfterSkipsKeysAndWholePrefixesAndIsEchoed() {
        Listing l = v2("start-after", "a/c");
        assertEquals(List.of("a/c/d", "a/c/e", "a/d", "ab", "b/x", "b/y/z", "c"), l.keys());
        assertEquals("a/c", l.text("StartAfter"));
        Listing d = v2("start-after", "a/b", "delimiter", "/");
        assertEquals(List.of("ab", "c"), d.keys(), "a/ sorts before a/b, so the whole prefix is behind us");
        assertEquals(List.of("b/"), d.prefixes());
        Listing past = v2("start-after", "zzz");
        assertEquals(List.of(), past.keys());
        Listing before = v2("start-after", "0", "prefix", "b");
        assertEquals(List.of("b/x", "b/y/z"), before.keys(), "a start-after before the prefix changes nothing");
    }

    @Test
    void continuationTokenWinsOverStartAfterWhichIsStillEchoed() {
        Listing first = v2("max-keys", "2");
        assertEquals(List.of("a", "a/b"), first.keys());
        String token = first.text("NextContinuationToken");
        Listing next = v2("max-keys", "2", "continuation-token", token, "start-after", "b");
        assertEquals(List.of("a/c/d", "a/c/e"), next.keys());
        assertEquals("b", next.text("StartAfter"));
        assertEquals(token, next.text("ContinuationToken"));
    }

    @ParameterizedTest(name = "token {0}")
    @ValueSource(strings = {"", "!!!", "AAAA", "bm90LWEtdG9rZW4", "+/=", "AWEvYgAAAAA", "AWEvYg"})
    void aTokenThisGatewayDidNotIssueIsRefused(String rawToken) {
        S3TestClient.Response r = s3.request("GET", "/" + B).query("list-type", "2").query("continuation-token", rawToken).send();
        assertEquals(400, r.status(), r.text());
        assertTrue(r.text().contains("<Code>InvalidArgument</Code>"), r.text());
        assertTrue(r.text().contains("<Message>The continuation token provided is incorrect</Message>"), r.text());
    }

    @Test
    void anAlteredTokenIsRefusedInEveryPosition() {
        String token = v2("max-keys", "3").text("NextContinuationToken");
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String altered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            S3TestClient.Response r = s3.request("GET", "/" + B).query("list-type", "2").query("continuation-token", altered).send();
            // Flipping the final character may only touch padding bits base64 ignores; then it is the same token.
            if (!Arrays.equals(Base64.getUrlDecoder().decode(altered), Base64.getUrlDecoder().decode(token))) {
                assertEquals(400, r.status(), "altered at " + i + ": " + altered);
            }
        }
        assertEquals(400, s3.request("GET", "/" + B).query("list-type", "2")
                .query("continuation-token", token.substring(0, token.length() - 2)).send().status(), "a cut token");
    }

    @Test
    void maxKeysZeroIsAnEmptyCompletePage() {
        Listing l = v2("max-keys", "0");
        assertEquals(List.of(), l.keys());
        assertEquals("0", l.text("KeyCount"));
        assertEquals("0", l.text("MaxKeys"));
        assertFalse(l.truncated());
        assertNull(l.text("NextContinuationToken"));
        Listing v1 = v1("max-keys", "0");
        assertFalse(v1.truncated());
        assertEquals(List.of(), v1.keys());
    }

    @ParameterizedTest(name = "max-keys={0} -> {1}")
    @CsvSource({"1,1", "999,999", "1000,1000", "1001,1000", "2147483647,1000", "007,7"})
    void maxKeysAboveTheLimitIsClamped(String raw, int effective) {
        Listing l = v2("max-keys", raw);
        assertEquals(String.valueOf(effective), l.text("MaxKeys"));
        assertEquals(Math.min(effective, KEYS.size()), l.keys().size());
    }

    @ParameterizedTest(name = "max-keys={0}")
    @ValueSource(strings = {"-1", "abc", "", "1.5", " 5", "2147483648", "99999999999999999999", "+5", "0x10"})
    void maxKeysThatIsNotANonNegativeIntIsRefused(String raw) {
        for (boolean v2 : new boolean[] {true, false}) {
            S3TestClient.Request r = s3.request("GET", "/" + B).query("max-keys", raw);
            if (v2) {
                r.query("list-type", "2");
            }
            S3TestClient.Response resp = r.send();
            assertEquals(400, resp.status(), resp.text());
            assertTrue(resp.text().contains("<Code>InvalidArgument</Code>") && resp.text().contains("<ArgumentName>max-keys</ArgumentName>"),
                    resp.text());
        }
    }

    @Test
    void contentsCarryS3sFieldsAndFlexibleChecksumsOnly() {
        Listing.put(s3.store(), B, "summed", new WriteOptions(WritePrecondition.NONE, null, null, null, null,
                Set.of(ChecksumAlgorithm.CRC32C, ChecksumAlgorithm.SHA256)));
        Listing l = v2("prefix", "summed");
        Element c = l.contents().get(0);
        assertEquals("summed", Listing.child(c, "Key"));
        assertTrue(Listing.child(c, "LastModified").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"), l.xml);
        String etag = Listing.child(c, "ETag");
        assertTrue(etag.matches("\"[0-9a-f]{32}\""), etag);
        assertTrue(l.xml.contains("<ETag>&quot;" + etag.substring(1, 33) + "&quot;</ETag>"), "quotes are escaped as S3 sends them");
        assertEquals(String.valueOf("body of summed".length()), Listing.child(c, "Size"));
        assertEquals("STANDARD", Listing.child(c, "StorageClass"));
        assertEquals(List.of("CRC32C", "SHA256"), Listing.children(c, "ChecksumAlgorithm").stream().map(Element::getTextContent).toList());
        assertNull(Listing.child(c, "Owner"), "v2 names the owner only when asked");

        Listing plain = v2("prefix", "c");
        assertTrue(Listing.children(plain.contents().get(0), "ChecksumAlgorithm").isEmpty(), "B3 and MD5 are not S3 checksums");
    }

    @Test
    void ownerOnlyWithFetchOwnerInV2AndAlwaysInV1() {
        Listing with = v2("fetch-owner", "true");
        for (Element c : with.contents()) {
            Element owner = Listing.children(c, "Owner").get(0);
            assertEquals(S3TestClient.ACCESS_KEY, Listing.child(owner, "ID"));
            assertEquals(S3TestClient.ACCESS_KEY, Listing.child(owner, "DisplayName"));
        }
        assertTrue(v2("fetch-owner", "false").contents().stream().allMatch(c -> Listing.child(c, "Owner") == null));
        Listing v1 = v1();
        assertEquals(KEYS.size(), v1.contents().size());
        assertTrue(v1.contents().stream().allMatch(c -> Listing.children(c, "Owner").size() == 1), v1.xml);
        S3TestClient.Response bad = s3.request("GET", "/" + B).query("list-type", "2").query("fetch-owner", "yes").send();
        assertEquals(400, bad.status(), bad.text());
    }

    @Test
    void v1EchoesMarkerAndSendsNextMarkerOnlyForDelimitedTruncatedPages() {
        Listing plain = v1("max-keys", "2", "marker", "a/c");
        assertEquals("a/c", plain.text("Marker"));
        assertEquals(List.of("a/c/d", "a/c/e"), plain.keys());
        assertTrue(plain.truncated());
        assertNull(plain.text("NextMarker"));
        assertEquals("", v1().text("Marker"), "S3 always echoes Marker");

        Listing delimited = v1("max-keys", "2", "delimiter", "/");
        assertEquals(List.of("a"), delimited.keys());
        assertEquals(List.of("a/"), delimited.prefixes());
        assertEquals("a/", delimited.text("NextMarker"), "the last entry may be a common prefix");
        Listing next = v1("max-keys", "2", "delimiter", "/", "marker", "a/");
        assertEquals(List.of("ab"), next.keys());
        assertEquals(List.of("b/"), next.prefixes());
        assertEquals("b/", next.text("NextMarker"));
        Listing last = v1("max-keys", "2", "delimiter", "/", "marker", "b/");
        assertEquals(List.of("c"), last.keys());
        assertFalse(last.truncated());
        assertNull(last.text("NextMarker"));
    }

    @Test
    void missingAndInternalBucketsAreNoSuchBucket() {
        for (String path : List.of("/missing", "/.oap")) {
            for (String maxKeys : List.of("0", "5")) {
                S3TestClient.Response v2 = s3.request("GET", path).query("list-type", "2").query("max-keys", maxKeys).send();
                assertEquals(404, v2.status(), v2.text());
                assertTrue(v2.text().contains("<Code>NoSuchBucket</Code>"), v2.text());
                S3TestClient.Response v1 = s3.request("GET", path).query("max-keys", maxKeys).send();
                assertEquals(404, v1.status(), v1.text());
            }
        }
        assertTrue(s3.request("GET", "/missing").query("list-type", "2").send().text().contains("<BucketName>missing</BucketName>"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"list-type,1", "list-type,3", "list-type,''", "encoding-type,URL", "encoding-type,base64", "encoding-type,''"})
    void unknownListTypesAndEncodingsAreRefused(String name, String value) {
        S3TestClient.Request r = s3.request("GET", "/" + B).query(name, value);
        if (!name.equals("list-type")) {
            r.query("list-type", "2");
        }
        S3TestClient.Response resp = r.send();
        assertEquals(400, resp.status(), resp.text());
        assertTrue(resp.text().contains("<Code>InvalidArgument</Code>"), resp.text());
    }

    @Test
    void emptyBucketListsNothing() {
        s3.store().createBucket("empty");
        Listing l = Listing.of(s3.request("GET", "/empty").query("list-type", "2").send());
        assertEquals(List.of(), l.keys());
        assertEquals("0", l.text("KeyCount"));
        assertFalse(l.truncated());
    }
}

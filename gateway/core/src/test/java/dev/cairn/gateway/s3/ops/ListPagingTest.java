package dev.cairn.gateway.s3.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.s3.S3TestClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Paging over 2,500 keys whose UTF-8 order differs from Java's String order (supplementary
 * characters sort after U+E000..U+FFFF in UTF-8, before them in UTF-16): every key exactly once,
 * in byte order, whatever the page size, through both listing versions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPagingTest {
    private static final String BUCKET = "paging";
    /** Characters picked so that UTF-16 and UTF-8 order disagree. */
    private static final String[] PARTS = {"a", "~", "\u00e9", "\u4e2d", "\ue000", "\uf8ff", "\ufffd", "\ud83d\ude00", "\ud800\udf48"};

    private final S3TestClient s3 = new S3TestClient();
    private final List<String> expected = new ArrayList<>();

    @BeforeAll
    void fill() {
        s3.store().createBucket(BUCKET);
        Set<String> keys = new HashSet<>();
        for (int i = 0; keys.size() < 2500; i++) {
            String a = PARTS[i % PARTS.length];
            String b = PARTS[(i / PARTS.length) % PARTS.length];
            keys.add(a + b + "/" + (i % 97) + a);
        }
        Listing.put(s3.store(), BUCKET, keys);
        expected.addAll(Listing.utf8Sorted(keys));
        assertFalse(expected.equals(keys.stream().sorted().toList()), "the fixture must tell UTF-8 order from UTF-16 order");
    }

    @ParameterizedTest(name = "v2 max-keys={0} encoding={1}")
    @CsvSource({"1000,raw", "7,raw", "1,raw", "1000,url", "7,url", "1,url"})
    void v2VisitsEveryKeyOnceInByteOrder(int maxKeys, String encoding) {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            S3TestClient.Request r = s3.request("GET", "/" + BUCKET).query("list-type", "2").query("max-keys", String.valueOf(maxKeys));
            if (encoding.equals("url")) {
                r.query("encoding-type", "url");
            }
            if (token != null) {
                r.query("continuation-token", token);
            }
            Listing page = Listing.of(r.send());
            pages++;
            assertEquals(token, page.text("ContinuationToken"), "the token is echoed");
            List<String> keys = page.keys();
            assertEquals(String.valueOf(keys.size()), page.text("KeyCount"));
            assertEquals(String.valueOf(maxKeys), page.text("MaxKeys"));
            seen.addAll(keys);
            token = page.text("NextContinuationToken");
            if (page.truncated()) {
                assertEquals(maxKeys, keys.size(), "only the last page may be short");
                assertNotNull(token, page.xml);
                assertTrue(token.matches("[A-Za-z0-9_-]+"), "tokens need no escaping: " + token);
            } else {
                assertNull(token, page.xml);
            }
        } while (token != null);
        assertEquals(expected, seen);
        assertEquals((expected.size() + maxKeys - 1) / maxKeys, pages);
    }

    @ParameterizedTest(name = "v1 max-keys={0} encoding={1}")
    @CsvSource({"1000,raw", "7,raw", "1,url"})
    void v1MarkerPagingWithoutDelimiterContinuesFromTheLastKey(int maxKeys, String encoding) {
        List<String> seen = new ArrayList<>();
        String marker = null;
        boolean truncated;
        do {
            S3TestClient.Request r = s3.request("GET", "/" + BUCKET).query("max-keys", String.valueOf(maxKeys));
            if (encoding.equals("url")) {
                r.query("encoding-type", "url");
            }
            if (marker != null) {
                r.query("marker", marker);
            }
            Listing page = Listing.of(r.send());
            assertEquals(marker == null ? "" : marker, page.name("Marker"), "the marker is echoed");
            assertNull(page.text("NextMarker"), "no NextMarker without a delimiter, as S3");
            List<String> keys = page.keys();
            seen.addAll(keys);
            truncated = page.truncated();
            if (truncated) {
                assertEquals(maxKeys, keys.size());
                marker = keys.get(keys.size() - 1);
            }
        } while (truncated);
        assertEquals(expected, seen);
    }

    @ParameterizedTest(name = "delimited v1 max-keys={0}")
    @CsvSource({"1", "3", "1000"})
    void v1WithDelimiterPagesByNextMarkerOverKeysAndPrefixes(int maxKeys) {
        // Every fixture key has exactly one '/', so the delimited listing is the set of first segments.
        List<String> wanted = Listing.utf8Sorted(expected.stream().map(k -> k.substring(0, k.indexOf('/') + 1)).distinct().toList());
        List<String> seen = new ArrayList<>();
        String marker = null;
        boolean truncated;
        do {
            S3TestClient.Request r = s3.request("GET", "/" + BUCKET).query("delimiter", "/").query("max-keys", String.valueOf(maxKeys))
                    .query("encoding-type", "url");
            if (marker != null) {
                r.query("marker", marker);
            }
            Listing page = Listing.of(r.send());
            assertTrue(page.keys().isEmpty(), page.xml);
            seen.addAll(page.prefixes());
            truncated = page.truncated();
            marker = page.name("NextMarker");
            if (truncated) {
                assertEquals(page.prefixes().get(page.prefixes().size() - 1), marker, "NextMarker is the last entry");
            } else {
                assertNull(marker);
            }
        } while (truncated);
        assertEquals(wanted, seen);
    }

    @ParameterizedTest(name = "delimited v2 max-keys={0}")
    @CsvSource({"1", "4"})
    void v2WithDelimiterAndPrefixPagesKeysAndPrefixesTogether(int maxKeys) {
        // Under "aa" the first segment is "aa/", so nothing rolls up with delimiter "/" and prefix "aa/";
        // with delimiter "a" and prefix "", entries mix Contents and CommonPrefixes.
        List<String> keysUnder = expected.stream().filter(k -> k.startsWith("\u00e9")).toList();
        List<String> wanted = new ArrayList<>();
        for (String k : keysUnder) {
            int at = k.indexOf('a', 1);
            String entry = at < 0 ? k : k.substring(0, at + 1);
            if (!wanted.contains(entry)) {
                wanted.add(entry);
            }
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            S3TestClient.Request r = s3.request("GET", "/" + BUCKET).query("list-type", "2").query("prefix", "\u00e9")
                    .query("delimiter", "a").query("max-keys", String.valueOf(maxKeys));
            if (token != null) {
                r.query("continuation-token", token);
            }
            Listing page = Listing.of(r.send());
            assertTrue(page.entries().size() <= maxKeys);
            assertEquals(String.valueOf(page.entries().size()), page.text("KeyCount"));
            seen.addAll(page.entries());
            token = page.text("NextContinuationToken");
        } while (token != null);
        assertEquals(Listing.utf8Sorted(wanted), seen);
        assertTrue(seen.stream().anyMatch(e -> e.endsWith("a")) && seen.stream().anyMatch(e -> !e.endsWith("a")),
                "the listing mixes keys and prefixes: " + seen);
    }
}

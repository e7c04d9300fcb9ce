package dev.cairn.gateway.s3.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.gateway.s3.S3TestClient;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code encoding-type=url}: what is encoded and how, and what happens to names XML 1.0 cannot
 * carry when the client did not ask for encoding.
 */
class ListEncodingTest {
    private static final String B = "names";
    /** XML-safe, but awkward for URLs and XML text. */
    private static final List<String> SAFE = List.of(
            "a b", "a+b", "100%", "100%25", "\u00e9/\u00fc", "&<>\"'", "tab\tkey", "nl\nkey", "cr\rkey",
            "x/y z/w", "x/y+z/w", "\ud83d\ude00/smile", "\ue000pua", "semi;colon=1&q", "a//b", "../up", "~tilde_-.");
    /** Control characters and non-characters: only encoding-type=url can carry them. */
    private static final List<String> UNSAFE = List.of("ctrl\u0001key", "nul\u0000key", "esc\u001b[0m", "ff\ufffe", "x/\u0007bell/y");

    private final S3TestClient s3 = new S3TestClient();

    @BeforeEach
    void fill() {
        s3.store().createBucket(B);
    }

    private Listing list(String... rawParams) {
        S3TestClient.Request r = s3.request("GET", "/" + B).query("list-type", "2");
        for (int i = 0; i < rawParams.length; i += 2) {
            r.query(rawParams[i], rawParams[i + 1]);
        }
        return Listing.of(r.send());
    }

    @Test
    void encodesLikeS3() {
        Listing.put(s3.store(), B, List.of("foo+1/bar", "foo/bar/xyzzy", "quux ab/thud", "asdf+b", "\u00e9t\u00e9", "tilde~x"));
        Listing l = list("delimiter", "/", "encoding-type", "url");
        assertEquals("url", l.text("EncodingType"));
        assertEquals("/", l.text("Delimiter"), "'/' stays as it is");
        assertTrue(l.xml.contains("<Key>asdf%2Bb</Key>"), l.xml);
        assertTrue(l.xml.contains("<Key>%C3%A9t%C3%A9</Key>"), "UTF-8 bytes, upper-case hex: " + l.xml);
        assertTrue(l.xml.contains("<Key>tilde~x</Key>"), l.xml);
        assertTrue(l.xml.contains("<Prefix>foo%2B1/</Prefix>") && l.xml.contains("<Prefix>foo/</Prefix>")
                && l.xml.contains("<Prefix>quux%20ab/</Prefix>"), "common prefixes, space as %20: " + l.xml);

        Listing echoed = list("prefix", "quux ab/", "start-after", "quux ab/a+", "encoding-type", "url");
        assertEquals("quux%20ab/", echoed.text("Prefix"));
        assertEquals("quux%20ab/a%2B", echoed.text("StartAfter"));
        assertEquals(List.of("quux ab/thud"), echoed.keys());
    }

    @Test
    void everyNameRoundTripsThroughUrlEncoding() {
        List<String> all = new java.util.ArrayList<>(SAFE);
        all.addAll(UNSAFE);
        Listing.put(s3.store(), B, all);
        Listing l = list("encoding-type", "url");
        assertEquals(Listing.utf8Sorted(all), l.keys());

        Listing byDelimiter = list("encoding-type", "url", "delimiter", "/", "prefix", "x/");
        assertEquals(List.of("x/\u0007bell/", "x/y z/", "x/y+z/"), byDelimiter.prefixes(), byDelimiter.xml);
        assertEquals("x/", byDelimiter.name("Prefix"));

        Listing.put(s3.store(), B, List.of("p\u0001/k"));
        Listing controlPrefix = list("encoding-type", "url", "prefix", "p\u0001", "delimiter", "/");
        assertEquals("p%01", controlPrefix.text("Prefix"), "echoed names are encoded too");
        assertEquals(List.of("p\u0001/"), controlPrefix.prefixes());

        S3TestClient.Response v1 = s3.request("GET", "/" + B).query("encoding-type", "url").query("delimiter", "/")
                .query("marker", "ctrl\u0001key").query("max-keys", "1").send();
        Listing one = Listing.of(v1);
        assertEquals("ctrl%01key", one.text("Marker"));
        assertEquals(List.of("esc\u001b[0m"), one.keys());
        assertEquals("esc%1B%5B0m", one.text("NextMarker"), "NextMarker is encoded");
    }

    @Test
    void xmlSafeNamesGoRawAndSurviveAStrictParser() {
        Listing.put(s3.store(), B, SAFE);
        Listing l = list();
        assertEquals(Listing.utf8Sorted(SAFE), l.keys(), "tab, LF and CR survive as character references");
        assertTrue(l.xml.contains("<Key>&amp;&lt;&gt;&quot;&apos;</Key>"), l.xml);
    }

    @ParameterizedTest(name = "key {index}")
    @ValueSource(strings = {"ctrl\u0001key", "nul\u0000key", "ff\ufffe", "ff\uffff", "x/\u0007bell/y"})
    void aNameXmlCannotCarryNeedsUrlEncoding(String key) {
        Listing.put(s3.store(), B, List.of("fine", key));
        for (boolean v2 : new boolean[] {true, false}) {
            S3TestClient.Request r = s3.request("GET", "/" + B);
            if (v2) {
                r.query("list-type", "2");
            }
            S3TestClient.Response resp = r.send();
            assertEquals(400, resp.status(), resp.text());
            assertTrue(resp.text().contains("<Code>InvalidArgument</Code>") && resp.text().contains("encoding-type=url"), resp.text());
        }
        // Pages that do not reach the key are fine, and encoding-type=url carries it.
        assertEquals(List.of("fine"), list("prefix", "fine").keys());
        assertEquals(Listing.utf8Sorted(List.of("fine", key)), list("encoding-type", "url").keys());
    }

    @Test
    void aRolledUpPrefixXmlCannotCarryNeedsUrlEncodingToo() {
        Listing.put(s3.store(), B, List.of("ctrl\u0001dir/k", "plain"));
        S3TestClient.Response rolled = s3.request("GET", "/" + B).query("list-type", "2").query("delimiter", "/").send();
        assertEquals(400, rolled.status(), rolled.text());
        assertTrue(rolled.text().contains("encoding-type=url"), rolled.text());
        Listing encoded = list("delimiter", "/", "encoding-type", "url");
        assertEquals(List.of("ctrl\u0001dir/"), encoded.prefixes());
        assertTrue(encoded.xml.contains("<Prefix>ctrl%01dir/</Prefix>"), encoded.xml);
    }

    @Test
    void echoedNamesXmlCannotCarryNeedUrlEncodingEvenInAnEmptyBucket() {
        for (String[] param : List.of(new String[] {"prefix", "a\u0001"}, new String[] {"delimiter", "\u001f"}, new String[] {"start-after", "\u0000"})) {
            S3TestClient.Response r = s3.request("GET", "/" + B).query("list-type", "2").query(param[0], param[1]).send();
            assertEquals(400, r.status(), param[0] + ": " + r.text());
            assertTrue(r.text().contains("encoding-type=url"), r.text());
        }
        S3TestClient.Response v1 = s3.request("GET", "/" + B).query("marker", "\u0002").send();
        assertEquals(400, v1.status(), v1.text());
        assertEquals(200, s3.request("GET", "/" + B).query("list-type", "2").query("prefix", "a\u0001").query("encoding-type", "url")
                .send().status());
    }

    @Test
    void percentEncodingKeepsOnlyUnreservedAndSlash() {
        StringBuilder all = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            all.append(c);
        }
        String encoded = NameEncoding.percentEncode(all.toString());
        assertEquals("%20%21%22%23%24%25%26%27%28%29%2A%2B%2C-./0123456789%3A%3B%3C%3D%3E%3F%40"
                + "ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~", encoded);
        assertEquals("%F0%9F%98%80%EE%80%80%00", NameEncoding.percentEncode("\ud83d\ude00\ue000\u0000"));
        assertEquals("plain/key", NameEncoding.percentEncode("plain/key"));
    }
}

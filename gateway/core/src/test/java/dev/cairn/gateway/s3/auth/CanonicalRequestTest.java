package dev.cairn.gateway.s3.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pieces of the canonical request, checked against the rules of the SigV4 specification. */
class CanonicalRequestTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "/test.txt|/test.txt",
        "/test$file.text|/test%24file.text",
        "/test%24file.text|/test%24file.text",
        "/a//b|/a//b",
        "/b/../x|/b/../x",
        "/b/%2E%2E/x|/b/../x",
        "/a+b|/a%2Bb",
        "/a%2Bb|/a%2Bb",
        "/a%2fb|/a%2Fb",
        "/a b|/a%20b",
        "/%|/%25",
        "/%zz|/%25zz",
        "/日本|/%E6%97%A5%E6%9C%AC",
        "/%e6%97%a5|/%E6%97%A5",
        "/~user/-._|/~user/-._",
        "/*!'()|/%2A%21%27%28%29",
        "/|/",
    })
    void canonicalPathDecodesAndReencodesEachSegment(String raw, String canonical) {
        assertEquals(canonical, CanonicalRequest.canonicalPath(raw));
    }

    @Test
    void verbatimPathIsASecondCandidateOnlyWhenItDiffers() {
        assertEquals(List.of("/a/b"), CanonicalRequest.pathCandidates("/a/b"));
        assertEquals(List.of("/b/../x", "/b/%2E%2E/x"), CanonicalRequest.pathCandidates("/b/%2E%2E/x"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''|''",
        "lifecycle|lifecycle=",
        "b=2&a=1&a=0|a=0&a=1&b=2",
        "prefix=J&max-keys=2|max-keys=2&prefix=J",
        "k=a+b|k=a%20b",
        "k=a%2Bb|k=a%2Bb",
        "k=%7e&x=%2f|k=~&x=%2F",
        "&&k=1&|k=1",
        "k=v=w|k=v%3Dw",
        "B=1&a=1&_=1|B=1&_=1&a=1",
        "list-type=2&continuation-token=1%2Fabc%3D%3D|continuation-token=1%2Fabc%3D%3D&list-type=2",
        "k=%E6%97%A5|k=%E6%97%A5",
    })
    void canonicalQuerySortsEncodedPairs(String raw, String canonical) {
        assertEquals(canonical, QueryParameters.parse(raw).canonical(null));
    }

    @Test
    void presignedSignatureIsLeftOutOfTheQuery() {
        assertEquals("X-Amz-Date=1&a=b",
                QueryParameters.parse("X-Amz-Signature=abc&a=b&X-Amz-Date=1").canonical("X-Amz-Signature"));
    }

    @Test
    void headerValuesAreTrimmedCollapsedAndJoined() {
        assertEquals("a b c", CanonicalRequest.canonicalValue(List.of("  a   b \t c  ")));
        assertEquals("a,b b", CanonicalRequest.canonicalValue(List.of("a", "  b   b ")));
        assertEquals("", CanonicalRequest.canonicalValue(List.of()));
    }

    @Test
    void canonicalHeadersUseSignedNamesInOrderAndMergeCase() {
        Map<String, List<String>> headers = new LinkedHashMap<>(); // header lines in arrival order
        headers.put("Host", List.of("h"));
        headers.put("X-Amz-Meta-A", List.of("1"));
        headers.put("x-amz-meta-a", List.of("2"));
        headers.put("Other", List.of("o"));
        SignedRequestView request = new SignedRequestView("GET", "/", "", headers);

        assertEquals("host:h\nx-amz-meta-a:1,2\nzz-absent:\n",
                CanonicalRequest.canonicalHeaders(request, List.of("host", "x-amz-meta-a", "zz-absent")));
    }
}

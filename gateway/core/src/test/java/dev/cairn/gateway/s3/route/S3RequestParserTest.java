package dev.cairn.gateway.s3.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Request lines as the AWS S3 API reference shows them, path-style and virtual-hosted. */
class S3RequestParserTest {
    private final S3RequestParser pathStyle = new S3RequestParser(null);
    private final S3RequestParser virtual = new S3RequestParser("s3.example.com");

    private ParsedRequest parse(String requestLine, String... headers) {
        return parse(pathStyle, "localhost:8080", requestLine, headers);
    }

    private static ParsedRequest parse(S3RequestParser p, String host, String requestLine, String... headers) {
        String[] parts = requestLine.split(" ", 2);
        String target = parts[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        Set<String> present = Set.of(headers);
        return p.parse(parts[0], host, path, query, present::contains);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "GET /                                                  | LIST_BUCKETS",
        "GET /?x-id=ListBuckets                                 | LIST_BUCKETS",
        "PUT /bucket                                            | CREATE_BUCKET",
        "HEAD /bucket                                           | HEAD_BUCKET",
        "DELETE /bucket                                         | DELETE_BUCKET",
        "GET /bucket?location                                   | GET_BUCKET_LOCATION",
        "GET /bucket?list-type=2&prefix=photos/&delimiter=/     | LIST_OBJECTS_V2",
        "GET /bucket/?list-type=2&continuation-token=abc        | LIST_OBJECTS_V2",
        "GET /bucket?marker=a&max-keys=2                        | LIST_OBJECTS",
        "GET /bucket                                            | LIST_OBJECTS",
        "POST /bucket?delete                                    | DELETE_OBJECTS",
        "POST /bucket?delete=                                   | DELETE_OBJECTS",
        "GET /bucket?uploads&prefix=a                           | LIST_MULTIPART_UPLOADS",
        "PUT /bucket/my-image.jpg                               | PUT_OBJECT",
        "PUT /bucket/my-image.jpg?x-id=PutObject                | PUT_OBJECT",
        "GET /bucket/my-image.jpg                               | GET_OBJECT",
        "GET /bucket/my-image.jpg?partNumber=1                  | GET_OBJECT",
        "GET /bucket/my-image.jpg?versionId=null                | GET_OBJECT",
        "GET /bucket/k?response-content-type=text/plain         | GET_OBJECT",
        "HEAD /bucket/my-image.jpg                              | HEAD_OBJECT",
        "HEAD /bucket/my-image.jpg?partNumber=2                 | HEAD_OBJECT",
        "DELETE /bucket/my-image.jpg                            | DELETE_OBJECT",
        "POST /bucket/example-object?uploads                    | CREATE_MULTIPART_UPLOAD",
        "PUT /bucket/my-movie.m2ts?partNumber=1&uploadId=VCVsb2FkIElE | UPLOAD_PART",
        "POST /bucket/example-object?uploadId=AAAsb2FkIElEZnJvbSBleGFtcGxl | COMPLETE_MULTIPART_UPLOAD",
        "DELETE /bucket/example-object?uploadId=VXBsb2FkIElE    | ABORT_MULTIPART_UPLOAD",
        "GET /bucket/example-object?uploadId=XXBsb2&max-parts=2&part-number-marker=1 | LIST_PARTS",
    })
    void routesTheApiReferenceRequestLines(String line, S3Operation expected) {
        assertEquals(expected, parse(line.trim()).operation());
    }

    @Test
    void copySourceHeaderTurnsPutIntoCopy() {
        assertEquals(S3Operation.COPY_OBJECT, parse("PUT /bucket/target", "x-amz-copy-source").operation());
        assertEquals(S3Operation.UPLOAD_PART_COPY,
                parse("PUT /bucket/target?partNumber=2&uploadId=u", "x-amz-copy-source").operation());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DELETE /bucket?versioning", "DELETE /bucket?cors", "DELETE /bucket?lifecycle", "DELETE /bucket?policy",
        "DELETE /bucket?tagging", "DELETE /bucket?website", "DELETE /bucket?encryption",
        "PUT /bucket?acl", "PUT /bucket?versioning", "GET /bucket?versioning", "GET /bucket?versions",
        "GET /bucket?acl", "GET /bucket?policy", "GET /bucket?object-lock",
        "PUT /bucket/key?tagging", "GET /bucket/key?acl", "DELETE /bucket/key?tagging",
        "PUT /bucket/key?retention", "PUT /bucket/key?legal-hold", "POST /bucket/key?restore",
        "POST /bucket/key?select&select-type=2", "GET /bucket/key?attributes", "GET /bucket/key?torrent",
        "POST /bucket", "POST /bucket/key", "GET /bucket/key?uploads",
    })
    void knownButUnsupportedSubresourcesNeverFallThrough(String line) {
        assertEquals(S3Operation.UNSUPPORTED, parse(line).operation(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATCH /bucket/key", "PUT /", "DELETE /", "POST /", "OPTIONS /bucket", "TRACE /bucket/key"})
    void methodsNoOperationAccepts(String line) {
        assertEquals(S3Operation.METHOD_NOT_ALLOWED, parse(line).operation(), line);
    }

    @Test
    void rawKeysRoundTripUndecodedOnlyOnce() {
        assertEquals("a//b", parse("GET /bucket/a//b").key());
        assertEquals("../x", parse("GET /bucket/../x").key());
        assertEquals("a+b", parse("GET /bucket/a+b").key(), "+ in a path is a literal plus");
        assertEquals("a b", parse("GET /bucket/a%20b").key());
        assertEquals("%", parse("GET /bucket/%25").key());
        assertEquals("a/b", parse("GET /bucket/a%2Fb").key());
        assertEquals("日本語/ключ", parse("GET /bucket/%E6%97%A5%E6%9C%AC%E8%AA%9E/%D0%BA%D0%BB%D1%8E%D1%87").key());
        assertEquals("/lead", parse("GET /bucket//lead").key());
        assertEquals("dir/", parse("GET /bucket/dir/").key());
        assertEquals("bucket", parse("GET /bucket/").bucket());
        assertNull(parse("GET /bucket/").key());
    }

    @Test
    void queryValuesDecodePlusAsSpace() {
        ParsedRequest r = parse("GET /bucket?list-type=2&prefix=a+b%2Bc&delimiter=%2F");
        assertEquals("a b+c", r.query().first("prefix"));
        assertEquals("/", r.query().first("delimiter"));
        assertEquals("", parse("GET /bucket?location").query().first("location"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /bucket/%", "GET /bucket/%zz", "GET /bucket/%C3", "GET /bucket/a%FFb", "GET /bucket?prefix=%G1"})
    void badEncodingIsInvalidUri(String line) {
        MalformedRequestException e = assertThrows(MalformedRequestException.class, () -> parse(line));
        assertEquals("InvalidURI", e.code());
    }

    @Test
    void virtualHostedStyle() {
        ParsedRequest r = parse(virtual, "photos.s3.example.com:8080", "GET /2024/cat.jpg");
        assertTrue(r.virtualHosted());
        assertEquals("photos", r.bucket());
        assertEquals("2024/cat.jpg", r.key());
        assertEquals(S3Operation.GET_OBJECT, r.operation());

        ParsedRequest bucketLevel = parse(virtual, "photos.s3.example.com", "GET /?list-type=2");
        assertEquals(S3Operation.LIST_OBJECTS_V2, bucketLevel.operation());
        assertEquals(Scope.BUCKET, bucketLevel.scope());

        ParsedRequest dotted = parse(virtual, "my.dotted.bucket.s3.example.com", "HEAD /");
        assertEquals("my.dotted.bucket", dotted.bucket());
        assertEquals(S3Operation.HEAD_BUCKET, dotted.operation());

        ParsedRequest apex = parse(virtual, "s3.example.com", "GET /photos/cat.jpg");
        assertFalse(apex.virtualHosted());
        assertEquals("photos", apex.bucket());

        assertEquals(S3Operation.LIST_BUCKETS, parse(virtual, "s3.example.com", "GET /").operation());
        assertFalse(parse(virtual, "127.0.0.1:9000", "GET /b/k").virtualHosted());
        assertFalse(parse(virtual, "[::1]:9000", "GET /b/k").virtualHosted());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "my-bucket", "my.bucket.1", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "1bucket"})
    void validBucketNames(String name) {
        assertNull(BucketNames.problem(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Abc", "my_bucket", "-abc", "abc-", "a..b", "192.168.5.4", "xn--abc", "sthree-x",
        "abc-s3alias", "abc--ol-s3", "abc.mrap", "abc--x-s3", ".oap", "a b", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void invalidBucketNames(String name) {
        assertTrue(BucketNames.problem(name) != null, name);
    }
}

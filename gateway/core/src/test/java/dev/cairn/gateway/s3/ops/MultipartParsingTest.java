package dev.cairn.gateway.s3.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.blob.ByteRange;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request parsing of the multipart operations: part numbers, copy ranges, part layouts, the completion XML. */
class MultipartParsingTest {

    private static List<CompletedPart> complete(String xml) throws IOException {
        return CompleteRequest.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static S3ErrorCode completeError(String xml) {
        return assertThrows(S3Exception.class, () -> complete(xml)).code();
    }

    @Test
    void completionListsPartsWithUnquotedEtags() throws IOException {
        List<CompletedPart> parts = complete("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Part><ETag>\"aaa\"</ETag><PartNumber>1</PartNumber><ChecksumCRC32>AAAAAA==</ChecksumCRC32></Part>"
                + "<Part><PartNumber> 0002 </PartNumber><ETag>&quot;bbb&quot;</ETag></Part>"
                + "<Part><PartNumber>10000</PartNumber><ETag>ccc-3</ETag></Part>"
                + "</CompleteMultipartUpload>");
        assertEquals(List.of(new CompletedPart(1, "aaa", Map.of(ChecksumAlgorithm.CRC32, "AAAAAA==")), new CompletedPart(2, "bbb"),
                new CompletedPart(10000, "ccc-3")), parts);
    }

    @Test
    void completionKeepsTheClientsOrderForTheStoreToJudge() throws IOException {
        List<CompletedPart> parts = complete("<CompleteMultipartUpload><Part><PartNumber>2</PartNumber><ETag>b</ETag></Part>"
                + "<Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>");
        assertEquals(List.of(2, 1), parts.stream().map(CompletedPart::partNumber).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<CompleteMultipartUpload></CompleteMultipartUpload>",
        "<Other><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part></Other>",
        "<CompleteMultipartUpload><Part><ETag>a</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag> </ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>x</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>-1</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><PartNumber>2</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>",
        "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>a</ETag></Part>",
        "<!DOCTYPE x [<!ENTITY e \"1\">]><CompleteMultipartUpload><Part><PartNumber>&e;</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>",
    })
    void malformedCompletionsAreMalformedXml(String xml) {
        assertEquals(S3ErrorCode.MalformedXML, completeError(xml));
    }

    @Test
    void partNumbersOutsideTheRangeAreInvalidArguments() {
        assertEquals(S3ErrorCode.InvalidArgument,
                completeError("<CompleteMultipartUpload><Part><PartNumber>0</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>"));
        assertEquals(S3ErrorCode.InvalidArgument,
                completeError("<CompleteMultipartUpload><Part><PartNumber>10001</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>"));
        assertEquals(S3ErrorCode.InvalidArgument, completeError(
                "<CompleteMultipartUpload><Part><PartNumber>99999999999999999999</PartNumber><ETag>a</ETag></Part></CompleteMultipartUpload>"));
    }

    @Test
    void tenThousandPartsAreAcceptedAndOneMoreIsNot() throws IOException {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload>");
        for (int i = 1; i <= 10_000; i++) {
            xml.append("<Part><PartNumber>").append(i).append("</PartNumber><ETag>\"0123456789abcdef0123456789abcdef\"</ETag>")
                    .append("<ChecksumCRC32>AAAAAA==</ChecksumCRC32></Part>");
        }
        assertEquals(10_000, complete(xml + "</CompleteMultipartUpload>").size());
        xml.append("<Part><PartNumber>1</PartNumber><ETag>a</ETag></Part>");
        assertEquals(S3ErrorCode.MalformedXML, completeError(xml + "</CompleteMultipartUpload>"));
    }

    @Test
    void unquoteRemovesOnlyAPairOfQuotes() {
        assertEquals("abc", CompleteRequest.unquote("\"abc\""));
        assertEquals("abc", CompleteRequest.unquote("abc"));
        assertEquals("\"abc", CompleteRequest.unquote("\"abc"));
        assertEquals("", CompleteRequest.unquote("\"\""));
    }

    @Test
    void partNumbers() {
        assertEquals(1, PartNumber.parse("1"));
        assertEquals(10000, PartNumber.parse("10000"));
        assertEquals(7, PartNumber.parse("007"));
        for (String bad : new String[] {"0", "10001", "", "-1", "+1", "1.0", "x", "000001", "4294967297"}) {
            S3Exception e = assertThrows(S3Exception.class, () -> PartNumber.parse(bad), bad);
            assertEquals(S3ErrorCode.InvalidArgument, e.code());
            assertEquals("partNumber", e.details().get("ArgumentName"));
        }
    }

    @Test
    void copySourceRanges() {
        assertNull(CopySourceRange.parse(null));
        assertEquals(new ByteRange.Closed(0, 0), CopySourceRange.parse("bytes=0-0"));
        assertEquals(new ByteRange.Closed(5, 5242879), CopySourceRange.parse(" bytes=5-5242879 "));
        for (String bad : new String[] {"bytes=5-4", "bytes=-5", "bytes=5-", "bytes=a-b", "5-9", "bytes=1-2,4-5", "bytes= 1-2",
            "bytes=1-99999999999999999999", "items=1-2", ""}) {
            S3Exception e = assertThrows(S3Exception.class, () -> CopySourceRange.parse(bad), bad);
            assertEquals(S3ErrorCode.InvalidArgument, e.code(), bad);
        }
    }

    @Test
    void partRangesFollowTheLayout() {
        List<Long> layout = List.of(5L, 5L, 2L);
        assertEquals(new ByteRange.Resolved(0, 5, 12), PartRanges.of(layout, 12, 1));
        assertEquals(new ByteRange.Resolved(5, 5, 12), PartRanges.of(layout, 12, 2));
        assertEquals(new ByteRange.Resolved(10, 2, 12), PartRanges.of(layout, 12, 3));
        assertEquals(S3ErrorCode.InvalidPartNumber, assertThrows(S3Exception.class, () -> PartRanges.of(layout, 12, 4)).code());
        // a single-part object is its own part 1
        assertEquals(ByteRange.Resolved.whole(9), PartRanges.of(List.of(), 9, 1));
        assertEquals(S3ErrorCode.InvalidPartNumber, assertThrows(S3Exception.class, () -> PartRanges.of(List.of(), 9, 2)).code());
        // an empty last part
        assertEquals(new ByteRange.Resolved(5, 0, 5), PartRanges.of(List.of(5L, 0L), 5, 2));
    }

    @Test
    void listingPageSizesAndMarkers() {
        assertEquals(1000, MultipartListings.pageSize(null, "max-parts", 1));
        assertEquals(1000, MultipartListings.pageSize("2147483647", "max-parts", 1));
        assertEquals(3, MultipartListings.pageSize("3", "max-parts", 1));
        assertEquals(0, MultipartListings.pageSize("0", "max-uploads", 0));
        for (String bad : new String[] {"0", "-1", "2147483648", "x", ""}) {
            S3Exception e = assertThrows(S3Exception.class, () -> MultipartListings.pageSize(bad, "max-parts", 1), bad);
            assertEquals(S3ErrorCode.InvalidArgument, e.code());
        }
        assertEquals(0, MultipartListings.partNumberMarker(null));
        assertEquals(0, MultipartListings.partNumberMarker(""));
        assertEquals(10000, MultipartListings.partNumberMarker("10000"));
        for (String bad : new String[] {"10001", "-1", "x", "999999"}) {
            assertEquals(S3ErrorCode.InvalidArgument,
                    assertThrows(S3Exception.class, () -> MultipartListings.partNumberMarker(bad), bad).code());
        }
    }
}

package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.SupportsMultipart;
import dev.cairn.blob.SupportsMultipart.CompletedPart;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.gateway.s3.chunked.S3Checksums;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.xml.SafeXmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The body of CompleteMultipartUpload:
 * {@code <CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"…"</ETag></Part>…}.
 * A part's {@code ChecksumCRC32}, {@code ChecksumCRC32C}, {@code ChecksumCRC64NVME},
 * {@code ChecksumSHA1} and {@code ChecksumSHA256} elements are passed on for the store to compare
 * with the stored part. Order, ETags and checksums are the store's to check, so a wrong list
 * answers S3's InvalidPartOrder / InvalidPart rather than a parse error.
 */
final class CompleteRequest {
    /** 10,000 parts of a few hundred bytes each (ETag plus an SDK checksum element), with room to spare. */
    static final int MAX_BYTES = 4 << 20;
    /** The root, and per part: Part, PartNumber, ETag and up to three checksum or other elements. */
    static final int MAX_ELEMENTS = 1 + SupportsMultipart.MAX_PART_NUMBER * 6;

    private CompleteRequest() {
    }

    /**
     * @return the parts as listed, ETags without quotes
     * @throws S3Exception MalformedXML for anything but a CompleteMultipartUpload root with 1 to
     *     10,000 Part elements, each with one integer PartNumber and a non-empty ETag;
     *     InvalidArgument for a part number outside 1..10,000; MaxMessageLengthExceeded over
     *     {@value #MAX_BYTES} bytes
     */
    static List<CompletedPart> parse(InputStream body) throws IOException {
        SafeXmlReader.Node root = SafeXmlReader.parse(body, MAX_BYTES, MAX_ELEMENTS);
        if (!root.name().equals("CompleteMultipartUpload")) {
            throw malformed("The root element must be CompleteMultipartUpload.");
        }
        List<SafeXmlReader.Node> parts = root.children("Part");
        if (parts.isEmpty()) {
            throw malformed("You must specify at least one part.");
        }
        if (parts.size() > SupportsMultipart.MAX_PART_NUMBER) {
            throw malformed("A multipart upload has at most 10000 parts.");
        }
        List<CompletedPart> out = new ArrayList<>(parts.size());
        for (SafeXmlReader.Node p : parts) {
            if (p.children("PartNumber").size() != 1 || p.children("ETag").size() != 1) {
                throw malformed("Every Part needs exactly one PartNumber and one ETag.");
            }
            String number = p.childText("PartNumber").trim();
            if (number.isEmpty() || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw malformed("PartNumber must be an integer.");
            }
            String etag = unquote(p.childText("ETag").trim());
            if (etag.isEmpty()) {
                throw malformed("ETag must not be empty.");
            }
            out.add(new CompletedPart(PartNumber.parse(stripLeadingZeros(number)), etag, checksums(p)));
        }
        return out;
    }

    private static Map<ChecksumAlgorithm, String> checksums(SafeXmlReader.Node part) {
        Map<ChecksumAlgorithm, String> out = new EnumMap<>(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm a : S3Checksums.FLEXIBLE) {
            String element = "Checksum" + S3Checksums.s3Name(a);
            if (part.children(element).size() > 1) {
                throw malformed("A Part has at most one " + element + ".");
            }
            if (part.children(element).size() == 1) {
                out.put(a, part.childText(element).trim());
            }
        }
        return out;
    }

    /** S3 compares ETags with or without their quotes; the store's are unquoted. */
    static String unquote(String etag) {
        if (etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            return etag.substring(1, etag.length() - 1);
        }
        return etag;
    }

    private static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }

    private static S3Exception malformed(String why) {
        return new S3Exception(S3ErrorCode.MalformedXML,
                "The XML you provided was not well-formed or did not validate against our published schema: " + why);
    }
}

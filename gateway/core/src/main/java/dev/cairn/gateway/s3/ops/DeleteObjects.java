package dev.cairn.gateway.s3.ops;

import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.Hex;
import dev.cairn.gateway.s3.RequestBody;
import dev.cairn.gateway.s3.S3Request;
import dev.cairn.gateway.s3.S3Response;
import dev.cairn.gateway.s3.error.BlobErrors;
import dev.cairn.gateway.s3.error.S3ErrorCode;
import dev.cairn.gateway.s3.error.S3Exception;
import dev.cairn.gateway.s3.xml.SafeXmlReader;
import dev.cairn.gateway.s3.xml.XmlWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DeleteObject and DeleteObjects ({@code POST /bucket?delete}).
 *
 * <p>DeleteObjects reads at most {@value #MAX_BODY_BYTES} bytes of XML through
 * {@link SafeXmlReader} (no DTDs or entities), with 1 to {@value #MAX_KEYS} {@code <Object>}
 * elements, else 400 MalformedXML. Keys are used exactly as sent. Body integrity: a Content-MD5
 * or any {@code x-amz-checksum-*} is verified (400 BadDigest on mismatch); neither is required.
 * A key that cannot be deleted (too long, empty, another version id, a store failure) gets its
 * own {@code <Error>} and the others proceed.
 */
final class DeleteObjects {
    static final int MAX_KEYS = 1000;
    static final int MAX_BODY_BYTES = 1 << 20;
    /** Enough for 1000 objects with every child S3 defines; more is refused before it is built. */
    private static final int MAX_ELEMENTS = 6 * MAX_KEYS + 4;

    private final BlobStore store;

    DeleteObjects(BlobStore store) {
        this.store = store;
    }

    /** DeleteObject: 204 whether or not the key existed. */
    S3Response deleteOne(S3Request req) {
        BlobKey key = req.blobKey();
        ObjectVersions.requireCurrent(req.query().first("versionId"));
        Preconditions.requireUnconditionalDelete(req.headers());
        store.delete(key);
        return S3Response.empty(204);
    }

    S3Response deleteMany(S3Request req) throws IOException {
        String bucket = req.storeBucket();
        SafeXmlReader.Node root = parse(req.body());
        if (!root.name().equals("Delete")) {
            throw new S3Exception(S3ErrorCode.MalformedXML);
        }
        boolean quiet = false;
        List<SafeXmlReader.Node> objects = new ArrayList<>();
        for (SafeXmlReader.Node child : root.children()) {
            switch (child.name()) {
                case "Quiet" -> quiet = parseQuiet(child.text());
                case "Object" -> objects.add(child);
                default -> throw new S3Exception(S3ErrorCode.MalformedXML);
            }
        }
        if (objects.isEmpty() || objects.size() > MAX_KEYS) {
            throw new S3Exception(S3ErrorCode.MalformedXML, objects.isEmpty()
                    ? "The XML you provided names no object to delete."
                    : "The XML you provided names more than " + MAX_KEYS + " objects.");
        }
        if (!store.bucketExists(bucket)) {
            throw new S3Exception(S3ErrorCode.NoSuchBucket, null, Map.of("BucketName", bucket));
        }
        // Every entry is judged first, so the store gets one batch (one DeleteObjects on s3).
        List<String> keyOrder = new ArrayList<>(objects.size());
        List<String> versions = new ArrayList<>(objects.size());
        Map<Integer, S3Exception> refused = new HashMap<>();
        List<String> deletable = new ArrayList<>();
        for (SafeXmlReader.Node object : objects) {
            List<SafeXmlReader.Node> keys = object.children("Key");
            if (keys.size() != 1) {
                throw new S3Exception(S3ErrorCode.MalformedXML, "Each Object needs exactly one Key.");
            }
            String key = keys.get(0).text();
            String versionId = object.childText("VersionId");
            S3Exception problem = problem(bucket, key, versionId);
            if (problem != null) {
                refused.put(keyOrder.size(), problem);
            } else {
                deletable.add(key);
            }
            keyOrder.add(key);
            versions.add(versionId);
        }
        Map<String, BlobStoreException> failed = deletable.isEmpty() ? Map.of()
                : store.deleteAll(bucket, deletable.stream().distinct().toList());
        XmlWriter w = XmlWriter.document("DeleteResult");
        for (int i = 0; i < keyOrder.size(); i++) {
            String key = keyOrder.get(i);
            S3Exception failure = refused.get(i);
            if (failure == null && failed.containsKey(key)) {
                failure = BlobErrors.toS3(failed.get(key));
            }
            if (failure != null) {
                w.start("Error").element("Key", key).element("VersionId", versions.get(i))
                        .element("Code", failure.code().name()).element("Message", failure.getMessage()).end();
            } else if (!quiet) {
                w.start("Deleted").element("Key", key).element("VersionId", versions.get(i)).end();
            }
        }
        return S3Response.xml(w.finish());
    }

    /** Why one entry cannot be deleted before the store is asked (another version, an invalid key), or null. */
    private static S3Exception problem(String bucket, String key, String versionId) {
        S3Exception version = ObjectVersions.problem(versionId);
        if (version != null) {
            return version;
        }
        try {
            S3Request.blobKey(bucket, key);
            return null;
        } catch (S3Exception e) {
            return e;
        } catch (IllegalArgumentException e) {
            // BlobKey's own rules (an empty key): the client's mistake, reported for this key only
            return new S3Exception(S3ErrorCode.InvalidArgument, "The key is not a valid object key.");
        }
    }

    private static boolean parseQuiet(String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        throw new S3Exception(S3ErrorCode.MalformedXML, "Quiet must be true or false.");
    }

    /**
     * Reads the body to its end, so the flexible checksum (verified in the stream at end of
     * stream) is checked, then checks Content-MD5, which for stored objects the store verifies.
     */
    private static SafeXmlReader.Node parse(RequestBody body) throws IOException {
        if (body.length() > MAX_BODY_BYTES) {
            throw new S3Exception(S3ErrorCode.MaxMessageLengthExceeded, "Your request was too big (limit " + MAX_BODY_BYTES + " bytes).");
        }
        byte[] bytes;
        try {
            // Fewer than asked for means end of stream was reached, where the checksum is verified.
            bytes = body.stream().readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            S3Exception failure = body.failure();
            throw failure != null ? failure : new S3Exception(S3ErrorCode.IncompleteBody);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new S3Exception(S3ErrorCode.MaxMessageLengthExceeded, "Your request was too big (limit " + MAX_BODY_BYTES + " bytes).");
        }
        String md5 = body.expectedChecksums().get(ChecksumAlgorithm.MD5);
        if (md5 != null && !md5.equals(Hex.encode(md5(bytes)))) {
            throw new S3Exception(S3ErrorCode.BadDigest, "The Content-MD5 you specified did not match what we received.");
        }
        return SafeXmlReader.parse(new ByteArrayInputStream(bytes), MAX_BODY_BYTES, MAX_ELEMENTS);
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
    }
}

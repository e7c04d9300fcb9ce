package dev.cairn.gateway.oap;

import dev.cairn.blob.BlobError;
import dev.cairn.blob.BlobKey;
import dev.cairn.blob.BlobStore;
import dev.cairn.blob.BlobStoreException;
import dev.cairn.blob.Capability;
import dev.cairn.blob.ObjectInfo;
import dev.cairn.blob.ObjectSource;
import dev.cairn.blob.WriteOptions;
import dev.cairn.blob.WritePrecondition;
import dev.cairn.blob.digest.Blake3;
import dev.cairn.blob.digest.ChecksumAlgorithm;
import dev.cairn.blob.digest.Hex;
import dev.cairn.blob.digest.StreamingDigest;
import dev.cairn.gateway.http.HttpCall;
import dev.cairn.gateway.http.HttpResult;
import dev.cairn.gateway.http.ResponseBody;
import io.micrometer.core.instrument.Counter;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Stores blobs: {@code PUT|POST /put} and {@code POST /o} (address computed here) and
 * {@code PUT /o/{addr}} (address claimed by the client, verified by the store before publish).
 *
 * <p>Storing bytes that are already stored never rewrites them: the blob is stat'ed first, and
 * when the store can create atomically ({@link Capability#WRITE_IF_ABSENT}) the write is
 * conditional, so of N concurrent identical uploads exactly one answers 201 and the others
 * 200. A store without that capability gets an unconditional write of identical bytes, which
 * is harmless, but then concurrent first uploads may each answer 201.
 */
final class OapWrites {
    private final BlobStore store;
    private final String bucket;
    private final OapSettings settings;
    private final Counter digestMismatch;

    OapWrites(BlobStore store, String bucket, OapSettings settings, Counter digestMismatch) {
        this.store = store;
        this.bucket = bucket;
        this.settings = settings;
        this.digestMismatch = digestMismatch;
    }

    /**
     * Reads the (capped, decoded) body into memory while hashing it, then stores it under its
     * address. The memory held is at most {@code maxBody + 1} bytes.
     *
     * @throws OapException 400, 413, 415
     * @throws BlobStoreException on store failures other than "already stored"
     */
    HttpResult putComputed(HttpCall call) {
        WriteOptions options = preflight(call);
        StreamingDigest hasher = Blake3.newHasher();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(initialCapacity(call.contentLength()));
        try (InputStream in = InflatingBodies.decode(call.body(), coding(call), settings)) {
            byte[] chunk = new byte[16 * 1024];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                hasher.update(chunk, 0, n);
                buffer.write(chunk, 0, n);
            }
        } catch (IOException e) {
            throw new OapException(bodyProblem(e));
        }
        BlobAddress address = new BlobAddress(Hex.encode(hasher.finish()));
        byte[] bytes = buffer.toByteArray();
        if (exists(address)) {
            return stored(address, bytes.length, false);
        }
        boolean created = write(address, ObjectSource.of(bytes), options);
        return stored(address, bytes.length, created);
    }

    /**
     * Streams the body to the store under the claimed address; the store verifies the BLAKE3
     * digest before it publishes. Already stored: 200 without reading the body.
     *
     * @throws OapException 400, 413, 415, 422
     * @throws BlobStoreException on other store failures
     */
    HttpResult putClaimed(HttpCall call, BlobAddress address) {
        WriteOptions options = preflight(call).withExpected(ChecksumAlgorithm.B3, address.hex());
        ObjectInfo existing = statOrNull(address);
        if (existing != null) {
            return stored(address, existing.size(), false);
        }
        RecordingStream body = new RecordingStream(InflatingBodies.decode(call.body(), coding(call), settings));
        boolean created;
        try {
            created = write(address, ObjectSource.unknownLength(body), options);
        } catch (BlobStoreException e) {
            if (body.failure != null) {
                // The store only saw our stream fail; say why, not how the store wrapped it.
                throw new OapException(bodyProblem(body.failure));
            }
            if (e.error() == BlobError.BAD_DIGEST) {
                digestMismatch.increment();
                throw new OapException(Problems.digestMismatch(address));
            }
            throw e;
        } finally {
            closeQuietly(body);
        }
        return stored(address, body.count, created);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the request body is finished with; a failure to release it changes no outcome
        }
    }

    /** Checks what the headers alone can decide, before any body byte is read. */
    private WriteOptions preflight(HttpCall call) {
        coding(call);
        if (call.contentLength() > settings.maxBody()) {
            throw new OapException(Problems.tooLarge("Content-Length " + call.contentLength()
                    + " is larger than oap.max-body (" + settings.maxBody() + " bytes)"));
        }
        String contentType = call.headers().first("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            return WriteOptions.DEFAULTS.withContentType(ObjectInfo.DEFAULT_CONTENT_TYPE);
        }
        contentType = contentType.trim();
        if (!MediaTypes.isValid(contentType)) {
            throw new OapException(Problems.badRequest("Content-Type is not a valid media type"));
        }
        return WriteOptions.DEFAULTS.withContentType(contentType);
    }

    private static ContentCoding coding(HttpCall call) {
        ContentCoding coding = ContentCoding.fromHeader(call.headers().joined("Content-Encoding"));
        if (coding == null) {
            throw new OapException(Problems.unsupportedEncoding());
        }
        return coding;
    }

    /** @return true when this call created the blob, false when it was already there */
    private boolean write(BlobAddress address, ObjectSource source, WriteOptions options) {
        boolean conditional = store.capabilities().contains(Capability.WRITE_IF_ABSENT);
        WriteOptions effective = conditional ? options.withPrecondition(new WritePrecondition.IfAbsent()) : options;
        try {
            store.write(address.key(bucket), source, effective);
            return true;
        } catch (BlobStoreException e) {
            if (conditional && e.error() == BlobError.PRECONDITION_FAILED) {
                return false; // a concurrent upload of the same bytes won; same address, same content
            }
            throw e;
        }
    }

    private boolean exists(BlobAddress address) {
        return statOrNull(address) != null;
    }

    private ObjectInfo statOrNull(BlobAddress address) {
        BlobKey key = address.key(bucket);
        try {
            return store.stat(key);
        } catch (BlobStoreException e) {
            if (e.error() == BlobError.NO_SUCH_KEY) {
                return null;
            }
            throw e;
        }
    }

    /** 201 when created, 200 when it already existed; same headers and JSON either way. */
    static HttpResult stored(BlobAddress address, long size, boolean created) {
        byte[] json = ("{\"cid\":" + Json.string(address.text()) + ",\"size\":" + size + "}").getBytes(StandardCharsets.UTF_8);
        return HttpResult.status(created ? 201 : 200)
                .header("Location", address.location())
                .header("ETag", address.etag())
                .header("Content-Type", "application/json")
                .header("Content-Length", Integer.toString(json.length))
                .body(ResponseBody.of(json))
                .build();
    }

    private static Problem bodyProblem(IOException e) {
        if (e instanceof BodyTooLargeException) {
            return Problems.tooLarge(e.getMessage());
        }
        if (e instanceof CorruptBodyException) {
            return Problems.corruptBody(e.getMessage());
        }
        return Problems.badRequest("the request body could not be read").withHeader("Connection", "close");
    }

    private static int initialCapacity(long contentLength) {
        // Content-Length is client-controlled: never pre-allocate more than a modest amount from it.
        return (int) Math.max(256, Math.min(contentLength, 64 * 1024));
    }

    /** Remembers the first exception the body threw and counts the bytes the store consumed. */
    private static final class RecordingStream extends FilterInputStream {
        private IOException failure;
        private long count;

        RecordingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    count += n;
                }
                return n;
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
                throw e;
            }
        }
    }
}

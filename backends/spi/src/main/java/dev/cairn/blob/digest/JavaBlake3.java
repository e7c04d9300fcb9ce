package dev.cairn.blob.digest;

import static dev.cairn.blob.digest.Blake3Compressor.CHUNK_LEN;

import java.util.Objects;

/**
 * BLAKE3-256 in plain Java (hash mode only, 32-byte output), optionally tree-parallel.
 *
 * <p>Bytes go through the current {@link Blake3ChunkState} until it is full; when an update
 * holds whole chunks beyond that (and at least one byte after them, because the last chunk of
 * the input may be the root and must stay unfinalized), they are hashed straight from the
 * caller's array, up to 64 at a time in SIMD lanes ({@link Blake3ManyCompressor}). With helpers
 * and at least {@value #PARALLEL_MIN_CHUNKS} such chunks, they are cut into pieces hashed by this
 * thread and the helpers together ({@link Blake3Batch}); the pieces' chaining values then enter
 * the {@link Blake3Tree} in order, so the result is the same whatever the split. On two cores a
 * 64 KiB update becomes two pieces of 32 chunks.
 *
 * <p>Streams hand over whatever a socket read returned (often 8–16 KiB), too little for the lanes
 * and the helpers. Updates smaller than {@value #STAGE} bytes are therefore gathered in a staging
 * buffer first and hashed {@value #STAGE} bytes at a time; a copy costs a few per cent of hashing
 * the same bytes, while the lanes make hashing them about 1.7 times faster. Updates of at least
 * that size, when nothing is staged, are hashed straight from the caller's array, and so are the
 * first {@value #DIRECT_PREFIX} bytes of any input: small inputs (a short OAP body, a test
 * vector) never allocate the staging buffer.
 *
 * <p>Not thread-safe (one per stream, like every {@link StreamingDigest}); the caller's array is
 * read only while {@link #update} runs. After {@link #finish} the hasher refuses further use.
 */
final class JavaBlake3 implements StreamingDigest {
    /** Below 16 KiB of whole chunks the hand-off costs more than a helper saves. */
    static final int PARALLEL_MIN_CHUNKS = 16;
    /** Bytes gathered before hashing: 64 chunks, one pass of the lanes. */
    static final int STAGE = 64 * CHUNK_LEN;
    /** Input hashed straight away before staging starts. */
    static final int DIRECT_PREFIX = 16 * CHUNK_LEN;

    private final Blake3Helpers helpers;
    private final Blake3ChunkState chunk = new Blake3ChunkState();
    private final Blake3Tree tree = new Blake3Tree();
    private final int[] cv = new int[8];
    private byte[] staged;
    private int stagedLength;
    private long direct;
    private boolean finished;

    JavaBlake3(Blake3Helpers helpers) {
        this.helpers = helpers;
    }

    /**
     * @throws IndexOutOfBoundsException if {@code off}/{@code len} do not fit {@code buf}
     * @throws IllegalStateException after {@link #finish}
     */
    @Override
    public void update(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        if (finished) {
            throw new IllegalStateException("BLAKE3 hasher already finished");
        }
        if (stagedLength == 0 && (len >= STAGE || direct + len <= DIRECT_PREFIX)) {
            direct += len;
            absorb(buf, off, len);
            return;
        }
        if (staged == null) {
            staged = new byte[STAGE];
        }
        while (len > 0) {
            if (stagedLength == STAGE) {
                absorb(staged, 0, STAGE);
                stagedLength = 0;
            }
            int n = Math.min(len, STAGE - stagedLength);
            System.arraycopy(buf, off, staged, stagedLength, n);
            stagedLength += n;
            off += n;
            len -= n;
        }
    }

    /** Feeds bytes to the chunk state and the tree; correct for any split of the input. */
    private void absorb(byte[] buf, int off, int len) {
        while (len > 0) {
            if (chunk.length() == CHUNK_LEN) {
                // More input follows, so the full chunk is not the root.
                chunk.output(cv, 0, 0);
                tree.push(cv, 0, chunk.counter(), 0);
                chunk.reset(chunk.counter() + 1);
            }
            if (chunk.length() == 0 && len > CHUNK_LEN) {
                int whole = (len - 1) / CHUNK_LEN;
                hashWholeChunks(buf, off, whole, chunk.counter());
                chunk.reset(chunk.counter() + whole);
                off += whole * CHUNK_LEN;
                len -= whole * CHUNK_LEN;
            }
            int n = chunk.update(buf, off, len);
            off += n;
            len -= n;
        }
    }

    /** @throws IllegalStateException if called twice */
    @Override
    public byte[] finish() {
        if (finished) {
            throw new IllegalStateException("BLAKE3 hasher already finished");
        }
        finished = true;
        if (stagedLength > 0) {
            absorb(staged, 0, stagedLength);
        }
        return tree.finish(chunk);
    }

    private void hashWholeChunks(byte[] buf, int off, int chunks, long counter) {
        boolean parallel = chunks >= PARALLEL_MIN_CHUNKS && helpers.threads() > 0;
        Blake3Batch batch = new Blake3Batch(buf, off, chunks, counter, parallel ? helpers.threads() + 1 : 1);
        if (parallel && helpers.offer(batch, batch.pieces() - 1) > 0) {
            Blake3Batch.OFFERED.increment();
        }
        batch.hashInto(tree);
    }
}

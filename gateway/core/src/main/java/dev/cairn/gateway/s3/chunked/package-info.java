/**
 * S3 request bodies before they reach a store: the aws-chunked content coding in its three
 * variants (signed chunks, signed chunks with a signed trailer, unsigned chunks with a trailer),
 * and the flexible checksums ({@code x-amz-checksum-*}) and {@code Content-MD5} that a write must
 * verify. Pure Java, no HTTP framework: the server adapts its request to {@link
 * dev.cairn.gateway.s3.chunked.HeaderSource} and an {@code InputStream}, and the SigV4 chain to
 * {@link dev.cairn.gateway.s3.chunked.ChunkSignatureVerifier}.
 *
 * <p>A write path chains: raw body, {@link dev.cairn.gateway.s3.chunked.AwsChunkedInputStream}
 * (framing, chunk and trailer signatures, decoded length), {@link
 * dev.cairn.gateway.s3.chunked.ChecksumVerifyingInputStream} (the flexible checksum, from a header or
 * the trailer), then the store's {@code DigestingInputStream} (BLAKE3, MD5 with any
 * {@code Content-MD5}). Each checks at end of stream and throws instead of reporting it, so nothing
 * that fails a check is published. Failures are {@link dev.cairn.gateway.s3.chunked.S3RequestException}
 * (carrying the S3 error code and status) or {@code IntegrityException} (mapped by
 * {@link dev.cairn.gateway.s3.chunked.S3ErrorCode#of}).
 */
package dev.cairn.gateway.s3.chunked;

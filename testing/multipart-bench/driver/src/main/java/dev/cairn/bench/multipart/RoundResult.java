package dev.cairn.bench.multipart;

/**
 * One measured upload against one server process.
 *
 * @param payloadMode how the SDK sent the part bodies: its {@code x-amz-content-sha256} value
 *     (e.g. {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}) plus the checksum trailer it announced
 */
record RoundResult(String variant, int repetition, Phase parts, Phase complete, Phase get, String payloadMode) {
}

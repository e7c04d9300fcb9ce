package dev.cairn.perf.gatling;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4, header form, for the S3 requests of the workloads. Written here rather
 * than taken from the AWS SDK because the SDK's netty 4.1 must not share a classpath with Gatling's
 * netty 4.2. The signing key is derived once per UTC day and cached; the class is thread-safe.
 */
final class SigV4Signer {
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final String service;
    private final AtomicReference<DayKey> dayKey = new AtomicReference<>();

    private record DayKey(String day, byte[] key) {
    }

    /** @throws IllegalArgumentException when a credential, the region or the service is blank */
    SigV4Signer(String accessKey, String secretKey, String region, String service) {
        this.accessKey = requireText(accessKey, "access key");
        this.secretKey = requireText(secretKey, "secret key");
        this.region = requireText(region, "region");
        this.service = requireText(service, "service");
    }

    static String amzDate(Instant at) {
        return AMZ_DATE.format(at);
    }

    /**
     * The {@code Authorization} header value.
     *
     * @param canonicalUri the path, already URI-encoded as S3 expects it (each segment once)
     * @param canonicalQuery the sorted, encoded query, or "" without one
     * @param signedHeaders the headers to sign, names in any case; must include {@code host} and {@code x-amz-date}
     * @param payloadHash the hex SHA-256 of the body, or {@code UNSIGNED-PAYLOAD} / a STREAMING- mode
     * @param at the instant written in {@code x-amz-date}
     * @throws IllegalArgumentException when {@code host} or {@code x-amz-date} is not among the headers
     */
    String authorization(String method, String canonicalUri, String canonicalQuery, Map<String, String> signedHeaders,
            String payloadHash, Instant at) {
        SortedMap<String, String> headers = new TreeMap<>();
        signedHeaders.forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.trim().replaceAll(" +", " ")));
        if (!headers.containsKey("host") || !headers.containsKey("x-amz-date")) {
            throw new IllegalArgumentException("SigV4 needs the host and x-amz-date headers among the signed headers");
        }
        StringBuilder canonical = new StringBuilder(256).append(method).append('\n').append(canonicalUri).append('\n')
                .append(canonicalQuery).append('\n');
        headers.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
        String names = String.join(";", headers.keySet());
        canonical.append('\n').append(names).append('\n').append(payloadHash);
        String timestamp = amzDate(at);
        String day = timestamp.substring(0, 8);
        String scope = day + "/" + region + "/" + service + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n" + sha256Hex(canonical.toString());
        String signature = HEX.formatHex(hmac(signingKey(day), toSign));
        return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + names + ", Signature=" + signature;
    }

    private byte[] signingKey(String day) {
        DayKey cached = dayKey.get();
        if (cached != null && cached.day().equals(day)) {
            return cached.key();
        }
        byte[] k = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
        k = hmac(k, region);
        k = hmac(k, service);
        k = hmac(k, "aws4_request");
        dayKey.set(new DayKey(day, k));
        return k;
    }

    static String sha256Hex(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("SigV4: the " + what + " must not be blank");
        }
        return value;
    }
}

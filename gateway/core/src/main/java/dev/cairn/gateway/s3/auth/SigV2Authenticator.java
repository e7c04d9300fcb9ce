package dev.cairn.gateway.s3.auth;

import dev.cairn.gateway.s3.error.S3ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 2 for S3: {@code Authorization: AWS <key>:<base64 HMAC-SHA1>} and
 * presigned URLs ({@code AWSAccessKeyId}, {@code Expires}, {@code Signature}), which boto3 and
 * AWS CLI v1 still produce by default for S3 presigning. The string to sign is
 * {@code VERB\nContent-MD5\nContent-Type\nDate\n<x-amz-* headers><resource>}, where the resource
 * is the path as sent (prefixed with {@code /bucket} for virtual-hosted requests) plus the
 * sub-resource parameters. SigV2 never covers the body.
 */
final class SigV2Authenticator {
    /** Query parameters that are part of the signed resource (the rest, e.g. prefix, are not). */
    private static final Set<String> SUBRESOURCES = Set.of(
            "accelerate", "acl", "analytics", "attributes", "cors", "delete", "encryption", "intelligent-tiering",
            "inventory", "legal-hold", "lifecycle", "location", "logging", "metrics", "notification", "object-lock",
            "ownershipControls", "partNumber", "policy", "publicAccessBlock", "replication", "requestPayment", "restore",
            "retention", "select", "select-type", "tagging", "torrent", "uploadId", "uploads", "versionId", "versioning",
            "versions", "website", "response-cache-control", "response-content-disposition", "response-content-encoding",
            "response-content-language", "response-content-type", "response-expires");
    private static final Duration MAX_PRESIGN = Duration.ofDays(7);

    private final CredentialsLookup credentials;
    private final SigV4Settings settings;
    private final Clock clock;

    SigV2Authenticator(CredentialsLookup credentials, SigV4Settings settings, Clock clock) {
        this.credentials = credentials;
        this.settings = settings;
        this.clock = clock;
    }

    VerifiedRequest verifyHeader(SignedRequestView request, QueryParameters query, String virtualBucket) {
        String value = request.header("Authorization").trim();
        String rest = value.substring("AWS ".length()).trim();
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new S3AuthException(S3ErrorCode.AuthorizationHeaderMalformed,
                    "The authorization header is malformed; expected AWS <AccessKeyId>:<Signature>.");
        }
        String accessKey = rest.substring(0, colon);
        String signature = rest.substring(colon + 1);
        String amzDate = request.header("x-amz-date");
        String date = request.header("Date");
        Instant time = AmzDate.parseHttpDate(amzDate != null ? amzDate : date);
        if (time == null) {
            time = amzDate == null ? null : AmzDate.parseIsoBasic(amzDate);
        }
        if (time == null) {
            throw new S3AuthException(S3ErrorCode.AccessDenied, "AWS authentication requires a valid Date or x-amz-date header");
        }
        Instant now = clock.instant();
        if (Duration.between(time, now).abs().compareTo(settings.maxClockSkew()) > 0) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("RequestTime", value(amzDate != null ? amzDate : date));
            details.put("ServerTime", now.toString());
            throw new S3AuthException(S3ErrorCode.RequestTimeTooSkewed,
                    "The difference between the request time and the current time is too large.", details);
        }
        // With x-amz-date present, the Date line of the string to sign is empty (x-amz-date is signed as an amz header).
        String dateLine = amzDate != null ? "" : value(date);
        check(accessKey, signature, stringToSign(request, query, virtualBucket, dateLine));
        return new VerifiedRequest(accessKey, "", time, PayloadMode.UNSIGNED_PAYLOAD, null, null, false);
    }

    VerifiedRequest verifyQuery(SignedRequestView request, QueryParameters query, String virtualBucket) {
        String accessKey = query.first("AWSAccessKeyId");
        String signature = query.first("Signature");
        String expires = query.first("Expires");
        if (accessKey == null || accessKey.isEmpty() || signature == null || signature.isEmpty() || expires == null) {
            throw new S3AuthException(S3ErrorCode.AccessDenied,
                    "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters");
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw new S3AuthException(S3ErrorCode.AccessDenied, "Invalid date (should be seconds since epoch): " + expires);
        }
        Instant now = clock.instant();
        if (now.getEpochSecond() > expiresAt) {
            throw new S3AuthException(S3ErrorCode.AccessDenied, "Request has expired",
                    Map.of("Expires", Instant.ofEpochSecond(expiresAt).toString(), "ServerTime", now.toString()));
        }
        if (Instant.ofEpochSecond(expiresAt).isAfter(now.plus(MAX_PRESIGN))) {
            throw new S3AuthException(S3ErrorCode.AuthorizationQueryParametersError,
                    "Presigned URLs may be valid for at most 7 days (604800 seconds).");
        }
        check(accessKey, signature, stringToSign(request, query, virtualBucket, expires));
        return new VerifiedRequest(accessKey, "", now, PayloadMode.UNSIGNED_PAYLOAD, null, null, true);
    }

    private void check(String accessKey, String provided, String stringToSign) {
        String secret = credentials.secretKeyFor(accessKey);
        if (secret == null) {
            throw new S3AuthException(S3ErrorCode.InvalidAccessKeyId, "The AWS Access Key Id you provided does not exist in our records.",
                    Map.of("AWSAccessKeyId", accessKey));
        }
        byte[] expected = hmacSha1(secret, stringToSign);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(provided);
        } catch (IllegalArgumentException e) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("AWSAccessKeyId", accessKey);
            details.put("StringToSign", stringToSign);
            details.put("SignatureProvided", provided);
            throw new S3AuthException(S3ErrorCode.SignatureDoesNotMatch,
                    "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
                    details);
        }
    }

    static String stringToSign(SignedRequestView request, QueryParameters query, String virtualBucket, String dateLine) {
        StringBuilder sb = new StringBuilder();
        sb.append(request.method().toUpperCase(Locale.ROOT)).append('\n')
                .append(value(request.header("Content-MD5"))).append('\n')
                .append(value(request.header("Content-Type"))).append('\n')
                .append(dateLine).append('\n');
        TreeMap<String, List<String>> amz = new TreeMap<>();
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-amz-")) {
                amz.computeIfAbsent(name, k -> new ArrayList<>()).addAll(h.getValue());
            }
        }
        for (Map.Entry<String, List<String>> h : amz.entrySet()) {
            List<String> trimmed = new ArrayList<>();
            for (String v : h.getValue()) {
                trimmed.add(v.trim().replaceAll("\\s*\\r?\\n\\s*", " "));
            }
            sb.append(h.getKey()).append(':').append(String.join(",", trimmed)).append('\n');
        }
        if (virtualBucket != null) {
            sb.append('/').append(virtualBucket);
        }
        sb.append(request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath());
        TreeMap<String, String> sub = new TreeMap<>();
        for (QueryParameters.Parameter p : query.all()) {
            String name = p.nameString();
            if (SUBRESOURCES.contains(name)) {
                sub.putIfAbsent(name, p.valueString());
            }
        }
        char sep = '?';
        for (Map.Entry<String, String> e : sub.entrySet()) {
            sb.append(sep).append(e.getKey());
            if (!e.getValue().isEmpty()) {
                sb.append('=').append(e.getValue());
            }
            sep = '&';
        }
        return sb.toString();
    }

    private static String value(String v) {
        return v == null ? "" : v.trim();
    }

    private static byte[] hmacSha1(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA1", e);
        }
    }
}

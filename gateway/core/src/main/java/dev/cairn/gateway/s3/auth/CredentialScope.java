package dev.cairn.gateway.s3.auth;

import java.util.Map;

/**
 * A parsed {@code <access key>/<yyyyMMdd>/<region>/s3/aws4_request} credential.
 */
record CredentialScope(String accessKeyId, String date, String region) {

    private static final String EXPECTING =
            "the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".";

    /** {@code date/region/s3/aws4_request}, the scope line of the string to sign. */
    String scope() {
        return date + '/' + region + '/' + SigningKeyCache.SERVICE + '/' + SigningKeyCache.TERMINATOR;
    }

    /**
     * Parses and checks a credential against the request's date and the accepted region.
     *
     * @param requestDate the {@code yyyyMMdd} part of the request time
     * @param expectedRegion the only accepted region, or null for any
     * @throws S3AuthException malformed credential, wrong date, service, terminator or region
     */
    static CredentialScope parse(String credential, String requestDate, String expectedRegion, AuthSource source) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5) {
            throw source.badCredential(EXPECTING, Map.of());
        }
        for (String part : parts) {
            if (part.isEmpty()) {
                throw source.badCredential(EXPECTING, Map.of());
            }
        }
        String date = parts[1];
        String region = parts[2];
        if (!parts[3].equals(SigningKeyCache.SERVICE)) {
            throw source.badCredential("incorrect service \"" + parts[3] + "\". This endpoint belongs to \""
                    + SigningKeyCache.SERVICE + "\".", Map.of());
        }
        if (!parts[4].equals(SigningKeyCache.TERMINATOR)) {
            throw source.badCredential("incorrect terminal \"" + parts[4] + "\". This endpoint uses \""
                    + SigningKeyCache.TERMINATOR + "\".", Map.of());
        }
        if (!date.equals(requestDate)) {
            // S3 words this one without the credential prefix, differently per source.
            throw source == AuthSource.HEADER
                    ? source.malformed("The authorization header is malformed; Invalid credential date. "
                            + "Date is not the same as X-Amz-Date.")
                    : source.malformed("Invalid credential date \"" + date + "\". This date is not the same as "
                            + "X-Amz-Date: \"" + requestDate + "\".");
        }
        if (expectedRegion != null && !expectedRegion.equals(region)) {
            throw source.badCredential("the region '" + region + "' is wrong; expecting '" + expectedRegion + "'",
                    Map.of("Region", expectedRegion));
        }
        return new CredentialScope(parts[0], date, region);
    }
}

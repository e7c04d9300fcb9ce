package dev.cairn.gateway.oap;

import dev.cairn.gateway.http.EntityTagList;
import dev.cairn.gateway.http.Headers;
import dev.cairn.gateway.http.HttpDates;
import java.time.Instant;

/**
 * Evaluates a read's preconditions against a blob, in the order of RFC 9110 §13.2.2:
 * If-Match (strong), else If-Unmodified-Since; then If-None-Match (weak), else
 * If-Modified-Since; then If-Range decides whether a Range is honoured.
 *
 * <p>Dates are compared at one-second resolution, as HTTP-dates carry no more. An unparseable
 * date header is ignored (RFC 9110 §13.1.3, §13.1.4).
 */
final class ConditionalRequest {

    /** The outcome for a GET or HEAD. */
    enum Outcome {
        /** Send the representation (200, or 206 if a range is honoured). */
        PROCEED,
        /** 304 Not Modified. */
        NOT_MODIFIED,
        /** 412 Precondition Failed. */
        PRECONDITION_FAILED
    }

    private ConditionalRequest() {
    }

    /**
     * @param opaqueTag the blob's entity tag without quotes ({@code b3:<hex>})
     * @param lastModified when it was stored
     */
    static Outcome evaluate(Headers headers, String opaqueTag, Instant lastModified) {
        long modified = lastModified.getEpochSecond();
        EntityTagList ifMatch = EntityTagList.parse(headers.joined("If-Match"));
        if (ifMatch != null) {
            if (!ifMatch.matchesStrong(opaqueTag)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else {
            Instant ius = HttpDates.parse(headers.first("If-Unmodified-Since"));
            if (ius != null && modified > ius.getEpochSecond()) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        EntityTagList ifNoneMatch = EntityTagList.parse(headers.joined("If-None-Match"));
        if (ifNoneMatch != null) {
            if (ifNoneMatch.matchesWeak(opaqueTag)) {
                return Outcome.NOT_MODIFIED;
            }
        } else {
            Instant ims = HttpDates.parse(headers.first("If-Modified-Since"));
            if (ims != null && modified <= ims.getEpochSecond()) {
                return Outcome.NOT_MODIFIED;
            }
        }
        return Outcome.PROCEED;
    }

    /**
     * Whether a Range header may be honoured given If-Range. Absent If-Range: yes. An entity
     * tag: only if it strongly matches. A date: never; the validator of an OAP blob is its
     * address, and a date cannot prove the client holds these exact bytes.
     */
    static boolean rangeAllowed(Headers headers, String opaqueTag) {
        String ifRange = headers.first("If-Range");
        if (ifRange == null) {
            return true;
        }
        String v = ifRange.trim();
        if (!v.startsWith("\"")) {
            return false; // a date, a weak tag (W/"..."), or junk: send the whole representation
        }
        EntityTagList tag = EntityTagList.parse(v);
        return tag != null && tag.matchesStrong(opaqueTag);
    }
}

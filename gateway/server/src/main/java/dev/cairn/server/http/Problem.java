package dev.cairn.server.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details ({@code application/problem+json}) for errors outside the S3 and OAP
 * protocols. Never carries a stack trace or an exception message.
 */
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    /**
     * @param instance the raw request path, or null
     * @param requestId the request id, or null
     */
    public static String json(int status, String title, String detail, String instance, String requestId) {
        StringBuilder b = new StringBuilder("{\"type\":\"about:blank\",\"title\":").append(Json.quote(title))
                .append(",\"status\":").append(status);
        if (detail != null) {
            b.append(",\"detail\":").append(Json.quote(detail));
        }
        if (instance != null) {
            b.append(",\"instance\":").append(Json.quote(instance));
        }
        if (requestId != null) {
            b.append(",\"requestId\":").append(Json.quote(requestId));
        }
        return b.append("}").toString();
    }

    static Response response(int status, String title, String detail, String instance, String requestId) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(json(status, title, detail, instance, requestId))
                .build();
    }
}

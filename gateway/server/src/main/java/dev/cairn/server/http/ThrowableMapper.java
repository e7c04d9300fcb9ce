package dev.cairn.server.http;

import dev.cairn.server.observe.RequestIds;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence: an exception no more specific mapper took. Client errors that Jersey
 * raises itself (404, 405, 406, 415, ...) keep their status; anything else is logged with the
 * request id and answered 500 without a stack trace or exception message.
 */
public final class ThrowableMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ThrowableMapper.class);

    @Inject
    private Provider<Request> request;

    @Override
    public Response toResponse(Throwable t) {
        Request r = request.get();
        String id = RequestIds.of(r);
        if (t instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            Response original = w.getResponse();
            if (original.hasEntity()) {
                return original;
            }
            Response.StatusType s = original.getStatusInfo();
            Response.ResponseBuilder b = Response.fromResponse(original)
                    .type(Problem.MEDIA_TYPE)
                    .entity(Problem.json(s.getStatusCode(), s.getReasonPhrase(), null, r.getHttpURI().getPath(), id));
            return b.build();
        }
        return Problem.response(500, INTERNAL, internalDetail(r, id, t), null, id);
    }

    static final String INTERNAL = "Internal Server Error";

    /** Logs an unexpected failure of {@code r} with its id; returns the detail that points at the log. */
    static String internalDetail(Request r, String id, Throwable t) {
        LOG.error("request {} failed: {} {}", id, r.getMethod(), RouteSafePath.of(r), t);
        return "see the server log for request " + id;
    }
}

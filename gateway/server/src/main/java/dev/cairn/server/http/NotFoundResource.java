package dev.cairn.server.http;

import dev.cairn.server.observe.RequestIds;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.jetty.server.Request;

/**
 * The catch-all for paths no resource serves: 404 {@code application/problem+json} whose
 * {@code instance} is the raw, undecoded request path. HEAD is answered through GET. The S3 API
 * replaces this resource when it arrives.
 *
 * <p>The class sits at {@code /} with a {@code {path: .*}} method template on purpose: Jersey
 * merges every root resource at {@code /} (health, OAP) into one and then prefers the more
 * literal method templates, whereas a class-level {@code {path: .*}} would outrank a class at
 * {@code /} and shadow it.
 */
@Path("/")
public final class NotFoundResource {
    @Inject
    private Provider<Request> request;

    @GET
    @Path("{path: .*}")
    public Response get() {
        return notFound();
    }

    @PUT
    @Path("{path: .*}")
    public Response put() {
        return notFound();
    }

    @POST
    @Path("{path: .*}")
    public Response post() {
        return notFound();
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete() {
        return notFound();
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch() {
        return notFound();
    }

    @OPTIONS
    @Path("{path: .*}")
    public Response options() {
        return notFound();
    }

    private Response notFound() {
        Request r = request.get();
        return Problem.response(404, "Not Found", "no resource at this path", r.getHttpURI().getPath(), RequestIds.of(r));
    }
}

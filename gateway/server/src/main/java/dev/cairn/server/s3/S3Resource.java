package dev.cairn.server.s3;

import dev.cairn.gateway.s3.S3Api;
import dev.cairn.server.http.HttpBridge;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.eclipse.jetty.server.Request;
import org.glassfish.jersey.server.CloseableService;

/**
 * The Jersey edge of the S3 API: every path no other resource serves. It only translates; every
 * decision, including 404s, 405s and 501s, is {@link S3Api}'s.
 *
 * <ul>
 *   <li>Path and query are Jetty's raw, undecoded ones ({@code a+b}, {@code %2F}, {@code a//b},
 *       {@code ../x} arrive as sent): SigV4 signs the encoded form and keys are bytes, so
 *       Jersey's decoded views would break both.
 *   <li>Header fields are Jetty's, one entry per field line, so nothing is merged or split.
 *   <li>The body is a lazy supplier of the unread entity stream: a request refused from its
 *       headers (bad signature, unknown bucket) never reads it, so no {@code 100 Continue} is
 *       sent, and Jetty consumes or closes the unread rest when the exchange completes.
 *   <li>A body goes out with its exact Content-Length; a HEAD answer carries the handler's
 *       Content-Length and no body; a response the handler gave no Content-Type gets none
 *       ({@link dev.cairn.server.http.RawContentType}).
 * </ul>
 *
 * <p>The class sits at {@code /} with {@code {path: .*}} method templates for the reason
 * explained on Jersey's matching in {@code OapResource}: Jersey merges root resources at
 * {@code /} and prefers the more literal templates, so {@code /healthz} and {@code /o/...}
 * still reach their resources.
 */
@Path("/")
public final class S3Resource {

    private final S3Api api;

    @Inject
    private Provider<Request> jettyRequest;

    @Inject
    private Provider<org.eclipse.jetty.server.Response> jettyResponse;

    public S3Resource(S3Api api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @GET
    @Path("{path: .*}")
    public Response get(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return call(ctx, closer);
    }

    @HEAD
    @Path("{path: .*}")
    public Response head(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return call(ctx, closer);
    }

    @PUT
    @Path("{path: .*}")
    public Response put(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return call(ctx, closer);
    }

    @POST
    @Path("{path: .*}")
    public Response post(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return call(ctx, closer);
    }

    @DELETE
    @Path("{path: .*}")
    public Response delete(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return call(ctx, closer);
    }

    @PATCH
    @Path("{path: .*}")
    public Response patch(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return call(ctx, closer);
    }

    @OPTIONS
    @Path("{path: .*}")
    public Response options(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return call(ctx, closer);
    }

    private Response call(ContainerRequestContext ctx, CloseableService closer) {
        return HttpBridge.render(api.handle(HttpBridge.call(jettyRequest.get(), ctx)), ctx, closer, jettyResponse.get());
    }
}

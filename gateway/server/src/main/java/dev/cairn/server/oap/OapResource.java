package dev.cairn.server.oap;

import dev.cairn.gateway.http.HttpCall;
import dev.cairn.gateway.http.HttpResult;
import dev.cairn.gateway.oap.OapApi;
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
 * The Jersey edge of the OAP object API: {@code /put}, {@code /o} and {@code /o/{addr}}. It only
 * translates: the raw request becomes an {@link HttpCall}, the {@link HttpResult} becomes a
 * {@link Response}; every decision is {@link OapApi}'s.
 *
 * <p>The body is handed over as a lazy supplier of the unread entity stream, never as an
 * injected {@code InputStream} parameter: Jersey probes an injected entity for emptiness by
 * reading a byte, which would consume input (and trigger {@code 100 Continue}) even for a
 * request that {@code OapApi} rejects from its headers alone, such as an oversized
 * Content-Length. The path is the raw, undecoded one, so {@code /o/b3%3A...} stays malformed.
 */
@Path("/")
public final class OapResource {
    private final OapApi api;

    @Inject
    private Provider<Request> jettyRequest;

    @Inject
    private Provider<org.eclipse.jetty.server.Response> jettyResponse;

    public OapResource(OapApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @GET
    @Path("{p: put|o|o/.*}")
    public Response get(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return call(ctx, closer);
    }

    @HEAD
    @Path("{p: put|o|o/.*}")
    public Response head(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return call(ctx, closer);
    }

    @PUT
    @Path("{p: put|o|o/.*}")
    public Response put(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return call(ctx, closer);
    }

    @POST
    @Path("{p: put|o|o/.*}")
    public Response post(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return call(ctx, closer);
    }

    @DELETE
    @Path("{p: put|o|o/.*}")
    public Response delete(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return call(ctx, closer);
    }

    @PATCH
    @Path("{p: put|o|o/.*}")
    public Response patch(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return call(ctx, closer);
    }

    @OPTIONS
    @Path("{p: put|o|o/.*}")
    public Response options(@Context ContainerRequestContext ctx, @Context CloseableService closer) {
        return call(ctx, closer);
    }

    private Response call(ContainerRequestContext ctx, CloseableService closer) {
        return HttpBridge.render(api.handle(HttpBridge.call(jettyRequest.get(), ctx)), ctx, closer, jettyResponse.get());
    }
}

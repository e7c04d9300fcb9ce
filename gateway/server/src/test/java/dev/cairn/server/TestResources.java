package dev.cairn.server;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test-only endpoints registered next to the real ones: a slow request and ones that throw. */
@Path("test")
public final class TestResources {
    final CountDownLatch slowEntered = new CountDownLatch(1);
    volatile long slowMillis = 1500;

    @GET
    @Path("slow")
    public Response slow() throws InterruptedException {
        slowEntered.countDown();
        TimeUnit.MILLISECONDS.sleep(slowMillis);
        return Response.ok("done").build();
    }

    @GET
    @Path("boom")
    public Response boom() {
        throw new IllegalStateException("internal detail that must not leak");
    }

    @GET
    @Path("bad")
    public Response bad() {
        throw new jakarta.ws.rs.BadRequestException();
    }

    boolean awaitSlow() throws InterruptedException {
        return slowEntered.await(10, TimeUnit.SECONDS);
    }
}

package dev.cairn.server;

import dev.cairn.blob.BlobStore;
import dev.cairn.gateway.oap.OapApi;
import dev.cairn.gateway.oap.OapSettings;
import dev.cairn.gateway.s3.S3Api;
import dev.cairn.gateway.s3.S3Settings;
import io.micrometer.core.instrument.MeterRegistry;
import dev.cairn.gateway.s3.auth.AccessKeys;
import dev.cairn.server.admission.AdmissionGate;
import dev.cairn.server.admission.HeaderDeadline;
import dev.cairn.server.admission.MinimumDataRate;
import dev.cairn.server.auth.CredentialStore;
import dev.cairn.server.auth.S3KeyRing;
import dev.cairn.server.config.BackendCatalog;
import dev.cairn.server.config.CairnConfig;
import dev.cairn.server.config.ConfigException;
import dev.cairn.server.http.HealthResource;
import dev.cairn.server.http.DirectBodyWriter;
import dev.cairn.server.http.HttpBridge;
import dev.cairn.server.http.JsonErrorHandler;
import dev.cairn.server.http.UriGuard;
import dev.cairn.server.http.MetricsResource;
import dev.cairn.server.http.NativeReads;
import dev.cairn.server.http.ThrowableMapper;
import dev.cairn.server.oap.OapResource;
import dev.cairn.server.http.RawContentType;
import dev.cairn.server.s3.S3Resource;
import dev.cairn.server.observe.MetricsRegistry;
import dev.cairn.server.observe.RequestObserver;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gateway: Jetty with the Jersey application, one store (a backend or a replica set,
 * under the chunk cache: {@link StoreAssembly}), one metrics registry. Handler tree: {@code GracefulHandler → RequestObserver → UriGuard → AdmissionHandler → MinimumDataRate →
 * NativeReads → JettyHttpContainer} ({@link NativeReads} serves object GET/HEAD when {@code http.native-reads} is on); in
 * Jersey, the health, metrics and OAP resources serve their fixed paths and {@link S3Resource}
 * everything else.
 */
public final class CairnServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CairnServer.class);
    /**
     * Jersey warns that every resource registered as an instance "does not implement any provider
     * interfaces" and then uses it as a resource anyway (eclipse-ee4j/jersey#3700). Held strongly:
     * java.util.logging forgets the level of a logger nobody references.
     */
    private static final java.util.logging.Logger JERSEY_PROVIDERS = quiet("org.glassfish.jersey.internal.inject.Providers");

    private final Server server;
    private final ServerConnector connector;
    private final BlobStore store;
    private final MetricsRegistry metrics;
    private final String host;
    /** Runs the multipart sweeper; null when the store has no multipart support or the sweeper is disabled. */
    private final ScheduledExecutorService sweeps;
    private boolean closed;

    private CairnServer(Server server, ServerConnector connector, BlobStore store, MetricsRegistry metrics, String host,
            ScheduledExecutorService sweeps) {
        this.server = server;
        this.connector = connector;
        this.store = store;
        this.metrics = metrics;
        this.host = host;
        this.sweeps = sweeps;
    }

    /**
     * Resolves credentials (generating and printing them on first start), opens the backend,
     * binds and starts serving; returns once the port accepts connections.
     *
     * @throws ConfigException when the backend rejects its settings, or the S3 key pairs cannot be
     *     read or repeat a key id
     * @throws UncheckedIOException when the credentials file cannot be read or written
     * @throws dev.cairn.blob.BlobStoreException when the backend cannot reach its medium
     * @throws IllegalStateException when Jetty cannot start, e.g. the port is taken (the cause says why)
     */
    public static CairnServer start(CairnConfig config) {
        return start(config, System.out, List.of());
    }

    /**
     * As {@link #start(CairnConfig)}, printing generated credentials to {@code console} and
     * registering {@code extraComponents} (JAX-RS resources or providers) next to the built-in ones.
     */
    static CairnServer start(CairnConfig config, PrintStream console, List<Object> extraComponents) {
        return start(config, console, extraComponents, (store, settings, registry) -> S3Api.create(store, settings, registry, Clock.systemUTC()));
    }

    /** Builds the S3 API over the opened store; tests substitute handlers through it. */
    @FunctionalInterface
    interface S3ApiFactory {
        S3Api create(BlobStore store, S3Settings settings, MeterRegistry registry);
    }

    /** As {@link #start(CairnConfig, PrintStream, List)}, with the S3 API built by {@code s3}. */
    static CairnServer start(CairnConfig config, PrintStream console, List<Object> extraComponents, S3ApiFactory s3) {
        CairnConfig.Credentials credentials = new CredentialStore(config.storage().dataDir(), console).resolve(config.credentials());
        AccessKeys accessKeys = S3KeyRing.assemble(credentials, config.s3());
        // the registry comes first: the cache and replica set register their meters as they open
        MetricsRegistry metrics = new MetricsRegistry();
        BlobStore store;
        try {
            store = StoreAssembly.open(config, BackendCatalog.discover(), metrics.registry());
        } catch (RuntimeException | Error e) {
            metrics.close();
            throw e;
        }
        try {
            CairnConfig.S3 c = config.s3();
            S3Settings s3Settings = new S3Settings(c.region(), c.strictRegion(), c.virtualHostDomain(), accessKeys,
                    c.publicReadBuckets(), c.maxPutSize(), c.maxClockSkew()).withPartSizes(c.minPartSize(), c.maxPartSize())
                    .withCompleteKeepAlive(new S3Settings.KeepAlive(c.completeKeepAliveAfter(), c.completeKeepAliveInterval()));
            if (accessKeys.keyIds().size() > 1 || !c.publicReadBuckets().isEmpty()) {
                LOG.info("S3: {} access keys; public-read buckets: {}", accessKeys.keyIds().size(),
                        c.publicReadBuckets().isEmpty() ? "none" : String.join(", ", c.publicReadBuckets()));
            }
            S3Api s3Api = s3.create(store, s3Settings, metrics.registry());
            return startJetty(config, credentials, store, metrics, s3Api, extraComponents);
        } catch (RuntimeException | Error e) {
            metrics.close();
            store.close();
            throw e;
        }
    }

    private static CairnServer startJetty(CairnConfig config, CairnConfig.Credentials credentials, BlobStore store,
            MetricsRegistry metrics, S3Api s3Api, List<Object> extraComponents) {
        CairnConfig.Http http = config.http();
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("cairn-http");
        boolean virtual = VirtualThreads.areSupported();
        if (virtual) {
            // Jetty runs blocking application work (all of Jersey) on virtual threads; selectors stay on platform threads
            threads.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("cairn-vt"));
        }
        Server server = new Server(threads);
        server.setStopTimeout(http.shutdownTimeout().toMillis());
        server.setStopAtShutdown(false); // Main installs its own hook so the store closes after Jetty drains
        server.setErrorHandler(new JsonErrorHandler());

        CairnConfig.Admission limits = config.admission();
        AdmissionGate admission = AdmissionGate.create(limits, metrics.registry());
        HttpConfiguration hc = new HttpConfiguration();
        hc.setRequestHeaderSize((int) http.maxHeaderSize());
        hc.setSendServerVersion(false);
        hc.setSendXPoweredBy(false);
        // S3 keys such as a//b, ../x, %2F and + must reach the application exactly as sent
        hc.setUriCompliance(UriCompliance.UNSAFE);
        // Jetty's parser otherwise swaps header values for cached ones that match ignoring case
        // (Content-Type "text/plain; charset=UTF-8" arrives as "...utf-8"), breaking SigV4 signatures
        hc.setHeaderCacheCaseSensitive(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(hc));
        connector.setHost(http.host());
        connector.setPort(http.port());
        connector.setIdleTimeout(http.idleTimeout().toMillis());
        if (!limits.headerTimeout().isZero()) {
            connector.addBean(new HeaderDeadline(connector, limits.headerTimeout()));
        }
        server.addConnector(connector);

        OapSettings oapSettings = new OapSettings(config.oap().maxBody(), config.oap().maxInflateRatio(), config.oap().maxInflated(),
                config.oap().openWrites(), config.oap().publicReads(), credentials.oapWriteToken(), config.oap().readToken());
        OapApi oapApi = new OapApi(store, oapSettings, metrics.registry());
        ResourceConfig rc = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                // Location headers go out as given (/o/b3:...), not rewritten against the request's host
                .property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true)
                // keep Jersey's own status codes instead of routing them to Jetty's error page
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
                .property(HttpBridge.DIRECT_WRITES, http.directWrites())
                .register(new HealthResource(store, admission.readiness()))
                .register(new MetricsResource(metrics.registry()))
                .register(new OapResource(oapApi))
                .register(new S3Resource(s3Api))
                .register(RawContentType.class)
                .register(DirectBodyWriter.class)
                .register(ThrowableMapper.class);
        extraComponents.forEach(rc::register);
        JettyHttpContainer jersey = ContainerFactory.createContainer(JettyHttpContainer.class, rc);
        // GracefulHandler → RequestObserver → UriGuard → AdmissionHandler → MinimumDataRate → NativeReads → Jersey:
        // refused requests still pass the observer (requests_total), and bad targets are refused before taking a slot
        // GET/HEAD of objects skip Jersey when http.native-reads is on (docs/adr/0020)
        Handler edge = http.nativeReads() ? new NativeReads(jersey, oapApi::handle, s3Api::handle, http.directWrites(), extraComponents)
                : jersey;
        Handler app = limits.minRequestDataRate() > 0 ? new MinimumDataRate(edge, limits.minRequestDataRate()) : edge;
        server.setHandler(new GracefulHandler(new RequestObserver(new UriGuard(admission.handler(app), limits.maxUriLength()),
                metrics.registry(), config.logging().access())));

        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("cannot start HTTP server on " + http.host() + ":" + http.port() + ": " + e.getMessage(), e);
        }
        CairnServer cairn = new CairnServer(server, connector, store, metrics, http.host(),
                SweepSchedule.start(store, config.s3(), Clock.systemUTC()));
        LOG.info("serving on {} with backend {} ({} threads)", cairn.baseUri(), store.id(), virtual ? "virtual" : "platform");
        return cairn;
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    /** The address clients use; a wildcard host is shown as the loopback address. */
    public URI baseUri() {
        String h = host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return URI.create("http://" + h + ":" + port() + "/");
    }

    /** The bound port (the real one when configured as 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Stops accepting connections, lets in-flight requests finish for up to
     * {@code http.shutdown-timeout}, stops Jetty, then closes the store and the metrics registry.
     * The multipart sweeper stops first.
     * Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // the sweeper calls the store, so it ends before the store closes
        SweepSchedule.stop(sweeps);
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
        } finally {
            try {
                store.close();
            } finally {
                metrics.close();
            }
        }
        LOG.info("stopped");
    }
}

package dev.newsbatch.app.rest;

import dev.newsbatch.Batches;
import io.javalin.Javalin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import io.javalin.router.ParsedEndpoint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The newsbatch REST API server: the original service's routes over the SDK, sharing the batch
 * directory's ledger with the command line. Started on a port (0 picks a free one) and closed when
 * done.
 *
 * <pre>{@code
 * try (NewsbatchApi api = NewsbatchApi.start(ApiSettings.ofDefaults().port(0))) {
 *     System.out.println(api.baseUrl() + "/docs");
 * }
 * }</pre>
 */
public final class NewsbatchApi implements AutoCloseable {
    private final Javalin app;
    private final BatchEndpoints endpoints;
    private final CachedStatusHandler cachedStatuses;
    private final ApiSettings settings;

    private NewsbatchApi(Javalin app, BatchEndpoints endpoints, CachedStatusHandler cachedStatuses,
                         ApiSettings settings) {
        this.app = app;
        this.endpoints = endpoints;
        this.cachedStatuses = cachedStatuses;
        this.settings = settings;
    }

    /**
     * Starts the server.
     *
     * @throws IllegalArgumentException if the host is beyond loopback and no token is set
     */
    public static NewsbatchApi start(ApiSettings settings) {
        if (settings.token() == null && !isLoopback(settings.host())) {
            throw new IllegalArgumentException("host must be a loopback address unless NEWSBATCH_API_TOKEN is set, "
                    + "was " + settings.host());
        }
        BatchEndpoints endpoints = new BatchEndpoints(settings, connectionKind());
        AccessGuard guard = new AccessGuard(settings);
        OpenApiDocument docs = OpenApiDocument.load();
        CachedStatusHandler cachedStatuses = endpoints.cachedStatusHandler(guard);
        // Javalin's own startup lines (including "your version is N days old") are not the server's log.
        io.javalin.util.JavalinLogger.startupInfo = false;
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            // Money is an exact decimal (Format.usdJson), written as a plain JSON number.
            cfg.jsonMapper(new io.javalin.json.JavalinJackson().updateMapper(m -> m.enable(
                    com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)));
            cfg.http.maxRequestSize = settings.maxBodyBytes();
            cfg.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(settings.idleTimeout().toMillis()));
            cfg.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorPages());
                // ahead of Javalin's handlers, which Javalin attaches after it
                server.insertHandler(cachedStatuses);
            });
            cfg.registerPlugin(new SwaggerPlugin(swagger -> {
                swagger.setUiPath("/docs");
                swagger.setDocumentationPath("/openapi.json");
                swagger.setTitle("newsbatch API");
                swagger.injectCustomVersion("newsbatch", "/openapi.json");
            }));
            cfg.router.apiBuilder(Routes.table(endpoints, guard, docs));
        });
        ErrorMapper.register(app);
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            endpoints.close();
            throw e;
        }
        return new NewsbatchApi(app, endpoints, cachedStatuses, settings);
    }

    /** The port in use (the chosen one when started on 0). */
    public int port() {
        return app.port();
    }

    /** {@code http://host:port}. */
    public String baseUrl() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port();
    }

    /**
     * The routes the server answers, as {@code "GET /batch/status/<job_id>"}: the route table's and the
     * Swagger UI's, as Javalin registered them. Filters such as the access guard are not routes.
     */
    List<String> routes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(ParsedEndpoint::getEndpoint)
                .filter(e -> e.getMethod().isHttpMethod())
                .map(e -> e.getMethod() + " " + e.getPath())
                .toList();
    }

    /** Status requests answered from memory ahead of the route table so far. */
    long statusAnswersAhead() {
        return cachedStatuses.answered();
    }

    /** The settings it runs with. */
    public ApiSettings settings() {
        return settings;
    }

    /** Stops the server, then closes its ledger and Gemini connection. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            endpoints.close();
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host does not resolve, was " + host, e);
        }
    }

    private static String connectionKind() {
        return Batches.endpoint().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "NewsbatchApi[" + baseUrl() + ", " + settings + "]";
    }
}

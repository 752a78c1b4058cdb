package dev.newsbatch.app.cli;

import dev.newsbatch.app.rest.ApiSettings;
import dev.newsbatch.app.rest.NewsbatchApi;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsbatch serve [--port 8001]}: the REST API in the foreground. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the REST API.",
                "Serve the REST API (Swagger UI at /docs, OpenAPI at /openapi.json) over the same batch "
                + "directory as the command line. With NEWSBATCH_API_TOKEN set, every route but /health needs "
                + "`Authorization: Bearer <token>`; without it the server listens on loopback only."},
        footer = {"", "Example:", "  newsbatch serve --port 8001",
                "  curl -s localhost:8001/batch/jobs"})
final class ServeCommand extends BaseCommand {
    @Option(names = "--port", paramLabel = "N", defaultValue = "8001",
            description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); beyond loopback needs "
                    + "NEWSBATCH_API_TOKEN.")
    String host;

    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "10485760",
            description = "Largest request body accepted; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--allow-private-urls",
            description = "Accept and fetch URLs of private, loopback and link-local hosts in /batch/submit.")
    boolean allowPrivateUrls;

    @Option(names = "--poll-ms", paramLabel = "MS", defaultValue = "2000",
            description = "First pause between polls for wait_for_completion, in ms (default: ${DEFAULT-VALUE}).")
    long pollMillis;

    @Override
    public Integer call() throws InterruptedException {
        ApiSettings settings = ApiSettings.ofDefaults().host(host).port(port).directory(dir())
                .token(System.getenv("NEWSBATCH_API_TOKEN")).maxBodyBytes(maxBodyBytes)
                .allowPrivateUrls(allowPrivateUrls).pollInterval(Duration.ofMillis(Math.max(1, pollMillis)));
        NewsbatchApi api = NewsbatchApi.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            stopped.countDown();
        }, "newsbatch-api-shutdown"));
        if (json()) {
            printJson(Output.object().put("base_url", api.baseUrl()).put("docs", api.baseUrl() + "/docs")
                    .put("batch_dir", dir().toString()).put("token_required", settings.token() != null));
        } else {
            println("newsbatch API listening on " + api.baseUrl() + " (docs: " + api.baseUrl() + "/docs, batch dir: "
                    + dir() + (settings.token() == null ? ", no token" : ", bearer token required") + ")");
        }
        stopped.await();
        return ExitCode.OK;
    }
}

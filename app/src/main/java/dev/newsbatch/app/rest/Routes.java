package dev.newsbatch.app.rest;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.apibuilder.EndpointGroup;

/**
 * The route table of the REST API, the whole of it. {@code <job_id>} takes Gemini's job names,
 * which contain a slash ({@code batches/abc123}). Swagger UI at {@code /docs} is added by its plugin.
 *
 * <pre>{@code
 * Javalin.create(cfg -> cfg.router.apiBuilder(Routes.table(endpoints, guard, docs)));
 * }</pre>
 */
final class Routes {
    private Routes() {}

    static EndpointGroup table(BatchEndpoints batch, AccessGuard guard, OpenApiDocument docs) {
        return () -> {
            before(guard::check);
            // the route clients poll, first: a request is matched against the routes in this order
            get(CachedStatusHandler.PREFIX + "<job_id>", batch::status);   // answered ahead once known
            get("/health", batch::health);
            get("/openapi.json", docs::serve);
            get("/models", batch::models);
            path("/batch", () -> {
                post("/submit", batch::submit);
                post("/submit-contents", batch::submitContents);
                post("/submit-bigquery", batch::submitBigQuery);
                get("/results/<job_id>/{batch_name}", batch::results);
                get("/jobs", batch::jobs);
                get("/runs/{batch_name}/results", batch::runResults);
                post("/runs/{batch_name}/retry", batch::retry);
                post("/runs/{batch_name}/results/bigquery", batch::exportBigQuery);
            });
        };
    }
}

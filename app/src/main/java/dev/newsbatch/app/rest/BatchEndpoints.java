package dev.newsbatch.app.rest;

import dev.newsbatch.BatchRun;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.Batches;
import dev.newsbatch.Jobs;
import dev.newsbatch.Results;
import dev.newsbatch.schema.NewsClassification;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The handlers of the route table: each parses its input, makes one SDK call and renders the answer.
 *
 * <pre>{@code
 * post("/batch/submit-contents", endpoints::submitContents);
 * }</pre>
 */
final class BatchEndpoints {
    private static final Pattern JOB_ID = Pattern.compile("batches/[A-Za-z0-9_-]{1,128}");

    private final ApiSettings settings;
    private final UrlPolicy urls;
    private final String connection;
    private final StatusCache statuses;

    BatchEndpoints(ApiSettings settings, String connection) {
        this.settings = settings;
        this.statuses = new StatusCache(id -> Jobs.status(id, settings.directory()), Duration.ofSeconds(1));
        this.urls = settings.allowPrivateUrls() ? UrlPolicy.allowingPrivate() : UrlPolicy.publicOnly();
        this.connection = connection;
    }

    void health(Context ctx) {
        ctx.json(ResponseBodies.health(connection));
    }

    void submit(Context ctx) {
        Submission s = RequestBodies.urls(RequestBodies.read(ctx, settings.maxBodyBytes()), urls);
        run(ctx, s, Batches.fromUrls(s.urls()));
    }

    void submitContents(Context ctx) {
        Submission s = RequestBodies.contents(RequestBodies.read(ctx, settings.maxBodyBytes()));
        run(ctx, s, Batches.from(s.articles()));
    }

    void status(Context ctx) {
        ctx.json(ResponseBodies.status(statuses.status(jobId(ctx))));
    }

    void results(Context ctx) {
        String jobId = jobId(ctx);
        String name = RequestBodies.checkName(ctx.pathParam("batch_name"));
        if (Jobs.list(dir()).stream().noneMatch(j -> jobId.equals(j.jobId()))) {
            throw RequestRejected.notFound("job_id", "job " + jobId + " was not submitted through this service");
        }
        Results<NewsClassification> r;
        try {
            r = Jobs.results(jobId, dir());
        } catch (IllegalStateException notFinished) {
            throw new RequestRejected(409, "not_ready", "job_id", notFinished.getMessage());
        }
        r.toJson(dir().resolve("results_" + name + ".json"));
        ctx.json(ResponseBodies.results(jobId, name, r));
    }

    void jobs(Context ctx) {
        ctx.json(ResponseBodies.jobs(Jobs.list(dir())));
    }

    private void run(Context ctx, Submission s, BatchSpec<NewsClassification> spec) {
        BatchRun<NewsClassification> run = spec.name(s.batchName()).directory(dir())
                .pollInterval(settings.pollInterval()).submit();
        if (s.waitForCompletion()) {
            run.await();
        }
        ctx.json(ResponseBodies.submitted(run, dir(), s));
    }

    private static String jobId(Context ctx) {
        String id = ctx.pathParam("job_id");
        if (!JOB_ID.matcher(id).matches()) {
            throw RequestRejected.badField("job_id", "job_id must look like batches/<id>, was \""
                    + (id.length() > 60 ? id.substring(0, 60) + "…" : id) + "\"");
        }
        return id;
    }

    private Path dir() {
        return settings.directory();
    }
}

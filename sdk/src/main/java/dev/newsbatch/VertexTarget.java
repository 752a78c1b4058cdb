package dev.newsbatch;

import dev.newsbatch.internal.Checks;
import java.util.Map;
import java.util.Optional;

/**
 * Where Vertex AI batch prediction runs: a Google Cloud project, a region, and the Cloud Storage prefix
 * under which request files are written ({@code <prefix>/requests/}) and results read
 * ({@code <prefix>/results/<job display name>/}); or, with a BigQuery dataset, jobs that read each request
 * file loaded into a table of that dataset ({@code newsbatch_requests_<job>}) and write their predictions to
 * another ({@code newsbatch_predictions_<job>}).
 *
 * <pre>{@code
 * VertexTarget t = VertexTarget.of("my-project", "us-central1", "gs://my-bucket/newsbatch");
 * t.bucket();   // "my-bucket"
 * t.withBigQuery("bq://my-project.news");   // jobs read and write BigQuery tables in dataset news
 * }</pre>
 *
 * @param project   the Google Cloud project id
 * @param location  the region, e.g. {@code us-central1}
 * @param gcsPrefix {@code gs://bucket} or {@code gs://bucket/path}, without a trailing slash
 * @param bigQueryDataset {@code project.dataset} whose tables the jobs read and write, or null for Cloud Storage
 */
public record VertexTarget(String project, String location, String gcsPrefix, String bigQueryDataset) {
    /** The variable that names the Cloud Storage prefix when no spec gives one. */
    public static final String PREFIX_VARIABLE = "NEWSBATCH_GCS_PREFIX";

    public VertexTarget {
        Checks.notBlank(project, "project");
        Checks.notBlank(location, "location");
        Checks.notBlank(gcsPrefix, "gcsPrefix");
        project = project.trim();
        location = location.trim();
        gcsPrefix = gcsPrefix.trim().replaceAll("/+$", "");
        if (!gcsPrefix.matches("gs://[a-z0-9][a-z0-9._-]{1,220}[a-z0-9](/[^\\s]*)?")) {
            throw new IllegalArgumentException("gcsPrefix must be gs://bucket or gs://bucket/path (a bucket name of "
                    + "lowercase letters, digits, dots, dashes and underscores), was \"" + gcsPrefix + "\"");
        }
        if (bigQueryDataset != null) {
            bigQueryDataset = BigQueryTable.dataset(bigQueryDataset);
        }
    }

    /** A target whose jobs read and write Cloud Storage. */
    public VertexTarget(String project, String location, String gcsPrefix) {
        this(project, location, gcsPrefix, null);
    }

    /**
     * This target with jobs that read their requests from, and write their predictions to, BigQuery tables of
     * {@code dataset} ({@code bq://project.dataset}, in the job's region); request files still pass through
     * Cloud Storage, which loads them into the tables.
     */
    public VertexTarget withBigQuery(String dataset) {
        Checks.notBlank(dataset, "dataset");
        return new VertexTarget(project, location, gcsPrefix, dataset);
    }

    /** {@code bq://<dataset>.<table>} of the target's dataset; only with one. */
    public String table(String table) {
        if (bigQueryDataset == null) {
            throw new IllegalStateException("this target has no BigQuery dataset");
        }
        return "bq://" + bigQueryDataset + "." + table;
    }

    /** A target; each part is checked here. */
    public static VertexTarget of(String project, String location, String gcsPrefix) {
        return new VertexTarget(project, location, gcsPrefix);
    }

    /**
     * The target the environment names: {@code GOOGLE_GENAI_USE_VERTEXAI=true} (as the google-genai client reads
     * it) with {@code GOOGLE_CLOUD_PROJECT}, {@code GOOGLE_CLOUD_LOCATION} and {@value #PREFIX_VARIABLE}; empty
     * when Vertex AI is not asked for.
     *
     * @throws IllegalArgumentException when Vertex AI is asked for but a part is missing, naming the variable
     */
    public static Optional<VertexTarget> fromEnvironment(Map<String, String> env) {
        if (!"true".equalsIgnoreCase(String.valueOf(env.get("GOOGLE_GENAI_USE_VERTEXAI")).trim())) {
            return Optional.empty();
        }
        for (String v : new String[] {"GOOGLE_CLOUD_PROJECT", "GOOGLE_CLOUD_LOCATION", PREFIX_VARIABLE}) {
            if (env.get(v) == null || env.get(v).isBlank()) {
                throw new IllegalArgumentException(v + " must be set when GOOGLE_GENAI_USE_VERTEXAI=true");
            }
        }
        return Optional.of(of(env.get("GOOGLE_CLOUD_PROJECT"), env.get("GOOGLE_CLOUD_LOCATION"),
                env.get(PREFIX_VARIABLE)));
    }

    /** The bucket of the prefix. */
    public String bucket() {
        String rest = gcsPrefix.substring(5);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** {@code gs://bucket/<prefix path>/<relative>}. */
    public String uri(String relative) {
        return gcsPrefix + "/" + relative;
    }

    @Override
    public String toString() {
        return "Vertex AI " + project + "/" + location + " " + gcsPrefix
                + (bigQueryDataset == null ? "" : " bq://" + bigQueryDataset);
    }
}

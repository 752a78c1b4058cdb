package dev.newsbatch.app.cli;

import dev.newsbatch.BatchSpec;
import picocli.CommandLine.Option;

/**
 * Where batch jobs run on Vertex AI batch prediction. Any of the flags turns it on; a part not given comes
 * from {@code GOOGLE_CLOUD_PROJECT}, {@code GOOGLE_CLOUD_LOCATION} or {@code NEWSBATCH_GCS_PREFIX}. With no flag,
 * {@code GOOGLE_GENAI_USE_VERTEXAI=true} and those variables choose Vertex AI as well.
 */
final class VertexOptions {
    @Option(names = "--vertex-project", paramLabel = "PROJECT",
            description = "Run batch jobs on Vertex AI batch prediction in this Google Cloud project "
                    + "(default: $GOOGLE_CLOUD_PROJECT when another Vertex flag is given).")
    String project;

    @Option(names = "--vertex-location", paramLabel = "REGION",
            description = "The Vertex AI region, e.g. us-central1 (default: $GOOGLE_CLOUD_LOCATION).")
    String location;

    @Option(names = "--gcs-prefix", paramLabel = "gs://BUCKET/PATH",
            description = "Cloud Storage prefix for request files and results on Vertex AI "
                    + "(default: $NEWSBATCH_GCS_PREFIX).")
    String gcsPrefix;

    @Option(names = "--bq-dataset", paramLabel = "bq://PROJECT.DATASET",
            description = "On Vertex AI, jobs read their requests from and write their predictions to BigQuery "
                    + "tables in this dataset (newsbatch_requests_JOB, newsbatch_predictions_JOB); request files "
                    + "still pass through --gcs-prefix.")
    String bigQueryDataset;

    /** {@code spec} on Vertex AI when a flag asks for it, else unchanged. */
    <T extends Record> BatchSpec<T> apply(BatchSpec<T> spec) {
        if (project == null && location == null && gcsPrefix == null && bigQueryDataset == null) {
            return spec;
        }
        dev.newsbatch.VertexTarget target = dev.newsbatch.VertexTarget.of(
                orEnv(project, "GOOGLE_CLOUD_PROJECT", "--vertex-project"),
                orEnv(location, "GOOGLE_CLOUD_LOCATION", "--vertex-location"),
                orEnv(gcsPrefix, "NEWSBATCH_GCS_PREFIX", "--gcs-prefix"));
        return spec.vertex(bigQueryDataset == null ? target : target.withBigQuery(bigQueryDataset));
    }

    private static String orEnv(String value, String variable, String flag) {
        if (value != null) {
            return value;
        }
        String env = System.getenv(variable);
        if (env == null || env.isBlank()) {
            throw new IllegalArgumentException(flag + " must be given (or " + variable + " set) to run on Vertex AI");
        }
        return env;
    }
}

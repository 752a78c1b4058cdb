package dev.newsbatch.emulator;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The API methods the emulator serves; used to aim faults and to count requests.
 *
 * <pre>{@code
 * Faults f = Faults.none().errorRate(Endpoint.GENERATE_CONTENT, 0.1, 503);
 * Endpoint e = Endpoint.parse("generateContent");   // GENERATE_CONTENT
 * }</pre>
 */
public enum Endpoint {
    /** {@code POST models/{m}:generateContent}. */
    GENERATE_CONTENT("generateContent"),
    /** {@code POST models/{m}:countTokens}. */
    COUNT_TOKENS("countTokens"),
    /** {@code GET models} (models.list). */
    MODEL_LIST("models.list"),
    /** {@code GET models/{m}} (models.get). */
    MODEL_GET("models.get"),
    /** {@code POST models/{m}:batchGenerateContent} (batches.create). */
    BATCH_CREATE("batchGenerateContent"),
    /** {@code GET batches/{id}}. */
    BATCH_GET("batches.get"),
    /** {@code GET batches}. */
    BATCH_LIST("batches.list"),
    /** {@code POST batches/{id}:cancel}. */
    BATCH_CANCEL("batches.cancel"),
    /** {@code DELETE batches/{id}}. */
    BATCH_DELETE("batches.delete"),
    /** {@code POST upload/{v}/files} (start of a resumable upload). */
    UPLOAD_START("files.upload"),
    /** {@code POST} to the upload URL (a chunk, or the finalizing chunk). */
    UPLOAD_CHUNK("files.uploadChunk"),
    /** {@code GET files/{id}}. */
    FILE_GET("files.get"),
    /** {@code GET files}. */
    FILE_LIST("files.list"),
    /** {@code DELETE files/{id}}. */
    FILE_DELETE("files.delete"),
    /** {@code GET files/{id}:download}. */
    FILE_DOWNLOAD("files.download"),
    /** Vertex AI {@code POST projects/P/locations/L/batchPredictionJobs}. */
    VERTEX_CREATE("batchPredictionJobs.create"),
    /** Vertex AI {@code GET .../batchPredictionJobs/{id}}. */
    VERTEX_GET("batchPredictionJobs.get"),
    /** Vertex AI {@code GET .../batchPredictionJobs}. */
    VERTEX_LIST("batchPredictionJobs.list"),
    /** Vertex AI {@code POST .../batchPredictionJobs/{id}:cancel}. */
    VERTEX_CANCEL("batchPredictionJobs.cancel"),
    /** Vertex AI {@code DELETE .../batchPredictionJobs/{id}}. */
    VERTEX_DELETE("batchPredictionJobs.delete"),
    /** Cloud Storage {@code POST upload/storage/v1/b/{bucket}/o} (media, multipart, or the start of a resumable upload). */
    GCS_UPLOAD("objects.insert"),
    /** Cloud Storage: a chunk of a resumable upload, or its status query. */
    GCS_UPLOAD_CHUNK("objects.insertChunk"),
    /** Cloud Storage {@code GET storage/v1/b/{bucket}/o/{object}} (metadata, or the bytes with {@code alt=media}). */
    GCS_GET("objects.get"),
    /** Cloud Storage {@code GET storage/v1/b/{bucket}/o}. */
    GCS_LIST("objects.list"),
    /** Cloud Storage {@code DELETE storage/v1/b/{bucket}/o/{object}}. */
    GCS_DELETE("objects.delete"),
    /** BigQuery {@code GET/POST bigquery/v2/projects/P/datasets[/D]} (every dataset exists). */
    BQ_DATASET("datasets.get"),
    /** BigQuery {@code POST .../datasets/D/tables}. */
    BQ_TABLE_INSERT("tables.insert"),
    /** BigQuery {@code GET .../datasets/D/tables}. */
    BQ_TABLE_LIST("tables.list"),
    /** BigQuery {@code GET .../tables/T}. */
    BQ_TABLE_GET("tables.get"),
    /** BigQuery {@code DELETE .../tables/T}. */
    BQ_TABLE_DELETE("tables.delete"),
    /** BigQuery {@code GET .../tables/T/data}. */
    BQ_ROWS("tabledata.list"),
    /** BigQuery {@code POST .../tables/T/insertAll}. */
    BQ_INSERT_ALL("tabledata.insertAll"),
    /** BigQuery {@code POST upload/bigquery/v2/projects/P/jobs?uploadType=resumable} (the start of a load). */
    BQ_LOAD_START("jobs.insert"),
    /** BigQuery: a chunk of a resumable load, or its status query. */
    BQ_LOAD_CHUNK("jobs.insertChunk"),
    /** BigQuery {@code POST bigquery/v2/projects/P/jobs} (a load job from Cloud Storage). */
    BQ_JOB_INSERT("jobs.insertLoad"),
    /** BigQuery {@code GET bigquery/v2/projects/P/jobs/J}. */
    BQ_JOB_GET("jobs.get"),
    /** Any path the emulator does not serve. */
    UNKNOWN("unknown");

    private final String wireName;

    Endpoint(String wireName) {
        this.wireName = wireName;
    }

    /** The method's name as written in flags and stats, e.g. {@code generateContent}, {@code batches.get}. */
    public String wireName() {
        return wireName;
    }

    /** Parses a wire name ({@code batches.get}) or a constant name ({@code BATCH_GET}), ignoring case. */
    public static Endpoint parse(String name) {
        Arguments.notBlank(name, "endpoint");
        for (Endpoint e : values()) {
            if (e.wireName.equalsIgnoreCase(name) || e.name().equalsIgnoreCase(name.replace('-', '_'))) {
                return e;
            }
        }
        throw new IllegalArgumentException("endpoint must be one of "
                + Arrays.stream(values()).map(Endpoint::wireName).collect(Collectors.joining(", "))
                + ", was \"" + name + "\"");
    }

    @Override
    public String toString() {
        return wireName;
    }
}

package dev.newsbatch.internal.gemini;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where batch jobs run: how a request file reaches the service, how a job is created from it, found,
 * polled and cancelled, and how its results come back. The engine and the ledger are the same for every
 * backend; {@link GeminiGateway} is the Gemini Batch API (files and {@code batches/...}), {@link VertexBackend}
 * Vertex AI batch prediction (Cloud Storage and {@code projects/.../batchPredictionJobs/...}).
 *
 * <pre>{@code
 * BatchBackend b = connection.backend();
 * String file = b.upload(Path.of("chunk-0.jsonl"), "nb-run1-c0-a1", "run1 chunk 0");
 * BatchJobInfo job = b.createBatch("gemini-2.5-flash", file, "run1-c0-a1");
 * }</pre>
 */
public interface BatchBackend {

    /** The name the request file of {@code fileId} has at the service once uploaded. */
    String remoteName(String fileId);

    /**
     * Uploads a JSONL request file (in the Batch API's line format, {@code {"key","request"}}) under
     * {@link #remoteName(String) remoteName(fileId)}; answers 409 ({@link dev.newsbatch.GeminiException#status()})
     * where a file of that name exists and the service refuses to replace it.
     *
     * @return the file's remote name
     */
    String upload(Path jsonl, String fileId, String displayName);

    /** The remote file if it exists, else empty. */
    Optional<GeminiGateway.RemoteFile> file(String remoteName);

    /** True when {@code remote} holds what {@link #upload} would store for {@code local}. */
    default boolean holds(GeminiGateway.RemoteFile remote, Path local) {
        return remote.sameContentAs(local);
    }

    /** Deletes a remote file; one already gone is not an error. */
    void deleteFile(String remoteName);

    /** Creates a job from an uploaded file, at most once under {@code displayName} (see {@link GeminiGateway#createBatch}). */
    BatchJobInfo createBatch(String model, String fileName, String displayName);

    /** The job created with {@code displayName}, searched over every page of the job list. */
    Optional<BatchJobInfo> findByDisplayName(String displayName);

    /** The job's current snapshot. */
    BatchJobInfo batch(String jobName);

    /** The most recent jobs, newest first, at most {@code max}. */
    List<BatchJobInfo> listBatches(int max);

    /** Asks the service to cancel a job. */
    void cancel(String jobName);

    /**
     * Downloads a finished job's results ({@link BatchJobInfo#results()}) to {@code target} as one JSONL file,
     * atomically: a partial download never appears there.
     */
    void download(String results, Path target);
}

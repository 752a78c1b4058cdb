package dev.newsbatch.internal.gemini;

import dev.newsbatch.GeminiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.BatchJob;
import com.google.genai.types.BatchJobSource;
import com.google.genai.types.Content;
import com.google.genai.types.CreateBatchJobConfig;
import com.google.genai.types.File;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.ListBatchJobsConfig;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import com.google.genai.types.UploadFileConfig;
import dev.newsbatch.JobState;
import dev.newsbatch.internal.retry.RetryPolicy;
import dev.newsbatch.internal.retry.Retryable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only code that talks to Gemini: files, batches, generateContent and countTokens, all through
 * the {@code google-genai} client. Idempotent calls (reads, downloads) are retried here by the SDK's
 * one retry policy: up to 5 attempts, after the delay Gemini asks for ({@code RetryInfo}) when it
 * gives one, else with exponential backoff and jitter (200 ms doubling up to 10 s). Creating a batch
 * is not retried, because Google does not make it idempotent: the engine decides what to do after a
 * failed create. Every failure becomes a {@link GeminiException}.
 *
 * <pre>{@code
 * GeminiGateway g = connection.gateway();
 * String file = g.upload(Path.of("requests.jsonl"), "nb-run1-b0", "run1 batch 0");
 * BatchJobInfo job = g.createBatch("gemini-2.5-flash", file, "run1-b0-a1");
 * }</pre>
 */
public final class GeminiGateway {
    private static final Pattern RETRY_DELAY = Pattern.compile("\"retryDelay\"\\s*:\\s*\"([0-9.]+)s\"");
    private static final String JSONL = "application/jsonl";

    /** How reads are retried. */
    static final RetryPolicy READS = RetryPolicy.ofDefaults()
            .maxAttempts(5)
            .backoff(Duration.ofMillis(200), 2.0, 0.5, Duration.ofSeconds(10))
            .maxServerDelay(RetryPolicy.NO_LIMIT);
    /** What is retried: retryable {@link GeminiException}s, after the delay Gemini asked for. */
    static final Retryable<Object> RETRYABLE = Retryable.errors(
            e -> e instanceof GeminiException g && g.isRetryable(),
            e -> e instanceof GeminiException g ? g.retryDelay() : Optional.empty());

    private final Client client;
    private final RetryPolicy retry;

    GeminiGateway(Client client, RetryPolicy retry) {
        this.client = client;
        this.retry = retry;
    }

    /**
     * Uploads a JSONL request file under the resource name {@code files/<fileId>}.
     *
     * @return the file's resource name, {@code files/<fileId>}
     */
    public String upload(Path jsonl, String fileId, String displayName) {
        return call("files.upload", null, () -> {
            File f = client.files.upload(jsonl.toFile(), UploadFileConfig.builder()
                    .name("files/" + fileId).displayName(displayName).mimeType(JSONL).build());
            return f.name().orElse("files/" + fileId);
        });
    }

    /** The file's size in bytes if the file exists, else empty. */
    public Optional<Long> fileSize(String fileName) {
        try {
            return withRetry("files.get", null, () -> {
                File f = client.files.get(fileName, null);
                return Optional.of(f.sizeBytes().orElse(-1L));
            });
        } catch (GeminiException e) {
            if (e.status() == 404 || e.status() == 403) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Deletes a file; a file that is already gone is not an error. */
    public void deleteFile(String fileName) {
        try {
            withRetry("files.delete", null, () -> client.files.delete(fileName, null));
        } catch (GeminiException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** Creates a batch job from an uploaded JSONL file. Not retried: see the class doc. */
    public BatchJobInfo createBatch(String model, String fileName, String displayName) {
        return call("batches.create", null, () -> fromSdk(client.batches.create(model,
                BatchJobSource.builder().fileName(fileName).build(),
                CreateBatchJobConfig.builder().displayName(displayName).build())));
    }

    /** The job's current snapshot, with request counts. */
    public BatchJobInfo batch(String jobName) {
        return withRetry("batches.get", jobName,
                () -> fromOperation(client.operations.get(new BatchOperation(jobName), null).raw()));
    }

    /** The most recent jobs, newest first as the API returns them, at most {@code max}. */
    public List<BatchJobInfo> listBatches(int max) {
        return withRetry("batches.list", null, () -> {
            List<BatchJobInfo> jobs = new ArrayList<>();
            for (BatchJob job : client.batches.list(ListBatchJobsConfig.builder().pageSize(100).build())) {
                jobs.add(fromSdk(job));
                if (jobs.size() >= max) {
                    break;
                }
            }
            return jobs;
        });
    }

    /** The job created with {@code displayName}, searched among the latest {@code scan} jobs. */
    public Optional<BatchJobInfo> findByDisplayName(String displayName, int scan) {
        return listBatches(scan).stream().filter(j -> displayName.equals(j.displayName())).findFirst();
    }

    /** Asks Gemini to cancel a job. */
    public void cancel(String jobName) {
        withRetry("batches.cancel", jobName, () -> {
            client.batches.cancel(jobName, null);
            return null;
        });
    }

    /** Downloads a file to {@code target}, atomically: a partial download never appears there. */
    public void download(String fileName, Path target) {
        withRetry("files.download", fileName, () -> {
            Path part = target.resolveSibling(target.getFileName() + ".part");
            try {
                Files.deleteIfExists(part);
                client.files.download(fileName, part.toString(), null);
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new GenAiIOException("could not write " + target, e);
            }
            return null;
        });
    }

    /**
     * One synchronous classification: no retries here (the real-time runner owns the policy).
     *
     * @return the answer text and the token usage
     */
    public Answer generate(String model, String systemInstruction, String prompt, ObjectNode responseSchema) {
        return call("models.generateContent", null, () -> {
            GenerateContentConfig.Builder config = GenerateContentConfig.builder()
                    .responseMimeType("application/json")
                    .responseSchema(Schema.fromJson(responseSchema.toString()));
            if (systemInstruction != null && !systemInstruction.isBlank()) {
                config.systemInstruction(Content.builder().role("user")
                        .parts(List.of(Part.fromText(systemInstruction))).build());
            }
            GenerateContentResponse r = client.models.generateContent(model, prompt, config.build());
            Optional<GenerateContentResponseUsageMetadata> u = r.usageMetadata();
            long in = u.flatMap(GenerateContentResponseUsageMetadata::promptTokenCount).orElse(0);
            long out = u.flatMap(GenerateContentResponseUsageMetadata::candidatesTokenCount).orElse(0)
                    + u.flatMap(GenerateContentResponseUsageMetadata::thoughtsTokenCount).orElse(0);
            return new Answer(r.text(), in, out, r.modelVersion().orElse(model));
        });
    }

    /** Exact token count of {@code text} for {@code model}. */
    public int countTokens(String model, String text) {
        return withRetry("models.countTokens", null,
                () -> client.models.countTokens(model, text, null).totalTokens().orElse(0));
    }

    /**
     * A synchronous answer.
     *
     * @param text         the model's text (JSON for a response schema)
     * @param inputTokens  prompt tokens
     * @param outputTokens answer tokens, thinking included
     * @param modelVersion the model version that answered
     */
    public record Answer(String text, long inputTokens, long outputTokens, String modelVersion) {
        @Override
        public String toString() {
            return "Answer[in=" + inputTokens + ", out=" + outputTokens + ", " + modelVersion + "]";
        }
    }

    private <T> T withRetry(String operation, String jobId, Supplier<T> body) {
        return retry.<T>decorate(() -> call(operation, jobId, body), RETRYABLE).get();
    }

    private static <T> T call(String operation, String jobId, Supplier<T> body) {
        try {
            return body.get();
        } catch (ApiException e) {
            throw GeminiException.of(e.code(), operation, jobId, retryDelay(e.getMessage()),
                    e.status() + ": " + firstLine(e.message()), e);
        } catch (GenAiIOException e) {
            throw GeminiException.of(0, operation, jobId, null, firstLine(e.getMessage()), e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw GeminiException.of(0, operation, jobId, null, firstLine(e.getMessage()), e);
        }
    }

    static Duration retryDelay(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = RETRY_DELAY.matcher(message);
        return m.find() ? Duration.ofMillis((long) (Double.parseDouble(m.group(1)) * 1000)) : null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static BatchJobInfo fromSdk(BatchJob job) {
        return new BatchJobInfo(job.name().orElse(null), job.displayName().orElse(null),
                job.state().map(s -> JobState.fromWire(s.toString())).orElse(JobState.UNKNOWN),
                job.model().orElse(null), -1, -1, -1,
                job.createTime().orElse(null), job.updateTime().orElse(null), job.endTime().orElse(null),
                job.dest().flatMap(d -> d.fileName()).orElse(null),
                job.error().flatMap(e -> e.message()).orElse(null));
    }

    static BatchJobInfo fromOperation(JsonNode op) {
        JsonNode m = op.path("metadata");
        JsonNode stats = m.path("batchStats");
        long requests = stats.has("requestCount") ? stats.get("requestCount").asLong() : -1;
        long ok = requests < 0 ? -1 : stats.path("successfulRequestCount").asLong(0);
        long failed = requests < 0 ? -1 : stats.path("failedRequestCount").asLong(0);
        String error = op.hasNonNull("error") ? op.get("error").path("message").asText(null)
                : m.hasNonNull("error") ? m.get("error").path("message").asText(null) : null;
        String resultFile = m.path("output").path("responsesFile").asText(null);
        if (resultFile == null) {
            resultFile = op.path("response").path("responsesFile").asText(null);
        }
        return new BatchJobInfo(op.path("name").asText(null), m.path("displayName").asText(null),
                JobState.fromWire(m.path("state").asText(null)), m.path("model").asText(null),
                requests, ok, failed, time(m, "createTime"), time(m, "updateTime"), time(m, "endTime"),
                resultFile, error);
    }

    private static Instant time(JsonNode node, String field) {
        try {
            return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "GeminiGateway[" + client.getClass().getSimpleName() + "]";
    }
}

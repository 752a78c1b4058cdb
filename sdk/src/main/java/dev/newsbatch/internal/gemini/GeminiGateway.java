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
import dev.newsbatch.GeminiQuotaException;
import dev.newsbatch.internal.Notices;
import com.google.genai.types.Model;
import com.google.genai.types.ListModelsConfig;
import com.google.genai.types.Candidate;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.ServiceTier;
import com.google.genai.types.ThinkingConfig;
import com.google.genai.types.ThinkingLevel;
import dev.newsbatch.internal.ThinkingChoice;
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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
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
 * the {@code google-genai} client. Every batch-side call (upload, create, get, list, download, delete,
 * cancel, countTokens) goes through the one retry policy: up to 5 attempts, after the delay Gemini asks
 * for ({@code RetryInfo}) when it gives one, else with exponential backoff and jitter (200 ms doubling up
 * to 10 s). Creating a batch is not idempotent at Google, so a create is never repeated blindly: after a
 * create whose outcome is unknown (no answer, 5xx) every page of the job list is searched for its display
 * name, and only when no job has it is the create sent again. Every failure becomes a
 * {@link GeminiException}; synchronous classification ({@link #generate}) is not retried here, the
 * real-time runner owns its policy.
 *
 * <pre>{@code
 * GeminiGateway g = connection.gateway();
 * String file = g.upload(Path.of("requests.jsonl"), "nb-run1-b0", "run1 batch 0");
 * BatchJobInfo job = g.createBatch("gemini-2.5-flash", file, "run1-b0-a1");
 * }</pre>
 */
public final class GeminiGateway implements BatchBackend {
    private static final Pattern RETRY_DELAY = Pattern.compile("\"retryDelay\"\\s*:\\s*\"([0-9.]+)s\"");
    private static final String JSONL = "application/jsonl";

    /** How reads are retried. */
    static final RetryPolicy READS = RetryPolicy.ofDefaults()
            .maxAttempts(5)
            .backoff(Duration.ofMillis(200), 2.0, 0.5, Duration.ofSeconds(10))
            .maxServerDelay(RetryPolicy.NO_LIMIT);
    /** What is retried: retryable {@link GeminiException}s, after the delay Gemini asked for. */
    static final Retryable<Object> RETRYABLE = retryable(() -> false);

    /**
     * The one rule for what is retried of a Gemini call (here and in real-time runs): retryable
     * {@link GeminiException}s, after the delay they carry; nothing once {@code stop} says so.
     */
    public static <R> Retryable<R> retryable(java.util.function.BooleanSupplier stop) {
        return Retryable.errors(e -> !stop.getAsBoolean() && e instanceof GeminiException g && g.isRetryable(),
                e -> e instanceof GeminiException g ? g.retryDelay() : Optional.empty());
    }

    /** Jobs asked for per page when the job list is read. */
    static final int LIST_PAGE_SIZE = 100;

    private final Client client;
    private final RetryPolicy retry;
    private final int listPageSize;

    GeminiGateway(Client client, RetryPolicy retry) {
        this(client, retry, LIST_PAGE_SIZE);
    }

    GeminiGateway(Client client, RetryPolicy retry, int listPageSize) {
        this.client = client;
        this.retry = retry;
        this.listPageSize = listPageSize;
    }

    /**
     * An uploaded file as Gemini describes it.
     *
     * @param name       {@code files/<id>}
     * @param sizeBytes  its size, or -1 when Gemini does not say
     * @param sha256Hash the hash Gemini reports ({@code File.sha256Hash}), or null
     */
    public record RemoteFile(String name, long sizeBytes, String sha256Hash) {
        /**
         * True when this file holds exactly the bytes of {@code local}: same size, and same SHA-256 when
         * Gemini reports one. Gemini writes the hash as base64 of the hex digest; base64 of the raw digest
         * and plain hex are accepted too.
         */
        public boolean sameContentAs(Path local) {
            long size;
            try {
                size = Files.size(local);
            } catch (IOException e) {
                return false;
            }
            if (sizeBytes != size) {
                return false;
            }
            if (sha256Hash == null || sha256Hash.isBlank()) {
                return true;
            }
            byte[] digest = sha256(local);
            String hex = HexFormat.of().formatHex(digest);
            String remote = sha256Hash.strip();
            return remote.equalsIgnoreCase(hex)
                    || remote.equals(Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII)))
                    || remote.equals(Base64.getEncoder().encodeToString(digest));
        }

        private static byte[] sha256(Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
                return md.digest();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public String remoteName(String fileId) {
        return "files/" + fileId;
    }

    /**
     * Uploads a JSONL request file under the resource name {@code files/<fileId>}, retried on transient
     * failures. A file already there under that name answers 409 ({@link GeminiException#status()}); see
     * {@link #file(String)} to check it.
     *
     * @return the file's resource name, {@code files/<fileId>}
     */
    @Override
    public String upload(Path jsonl, String fileId, String displayName) {
        return withRetry("files.upload", null, () -> {
            File f = client.files.upload(jsonl.toFile(), UploadFileConfig.builder()
                    .name("files/" + fileId).displayName(displayName).mimeType(JSONL).build());
            return f.name().orElse("files/" + fileId);
        });
    }

    /** The file's size in bytes if the file exists, else empty. */
    public Optional<Long> fileSize(String fileName) {
        return file(fileName).map(RemoteFile::sizeBytes);
    }

    /** The file's size and hash if the file exists, else empty (Gemini answers 403 or 404 for a missing file). */
    @Override
    public Optional<RemoteFile> file(String fileName) {
        try {
            return withRetry("files.get", null, () -> {
                File f = client.files.get(fileName, null);
                return Optional.of(new RemoteFile(f.name().orElse(fileName), f.sizeBytes().orElse(-1L),
                        f.sha256Hash().orElse(null)));
            });
        } catch (GeminiException e) {
            if (e.status() == 404 || e.status() == 403) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Deletes a file; a file that is already gone is not an error. */
    @Override
    public void deleteFile(String fileName) {
        try {
            withRetry("files.delete", null, () -> client.files.delete(fileName, null));
        } catch (GeminiException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /**
     * Creates a batch job from an uploaded JSONL file, at most once under {@code displayName}. When a create
     * gets no answer or a 5xx, nobody knows whether the job exists: every page of the job list is searched
     * for the display name and a job found is returned; only when none is found is the create sent again,
     * after the retry policy's wait. A definite refusal (4xx, 429 included) is not retried.
     *
     * @throws GeminiException the last create's failure, when Gemini has no job under {@code displayName};
     *                         or, with {@link GeminiException#operation()} {@code "batches.list"}, the
     *                         failure of the search, when it is still unknown whether the job exists
     */
    @Override
    public BatchJobInfo createBatch(String model, String fileName, String displayName) {
        return createBatch(model, BatchJobSource.builder().fileName(fileName).build(),
                CreateBatchJobConfig.builder().displayName(displayName).build());
    }

    /** {@link #createBatch(String, String, String)} of any source and config (the config names the display name). */
    BatchJobInfo createBatch(String model, BatchJobSource source, CreateBatchJobConfig config) {
        String displayName = config.displayName().orElseThrow();
        var outcome = retry.<BatchJobInfo>run(() -> {
            try {
                return call("batches.create", null, () -> fromSdk(client.batches.create(model, source, config)));
            } catch (GeminiException e) {
                if (!outcomeUnknown(e)) {
                    throw e;
                }
                Optional<BatchJobInfo> found;
                try {
                    found = findByDisplayName(displayName);
                } catch (GeminiException lookup) {
                    throw new LookupFailed(lookup);
                }
                if (found.isPresent()) {
                    return found.get();
                }
                throw e;
            }
        }, CREATE_RETRYABLE);
        if (outcome.error() instanceof LookupFailed l) {
            throw l.failure;
        }
        return outcome.orThrow();
    }

    /** True when a failed call may still have taken effect: no answer, or a server error. */
    public static boolean outcomeUnknown(GeminiException e) {
        return e.status() == 0 || e.status() >= 500;
    }

    /** A create is retried only after a search proved it absent, and never after a definite refusal. */
    private static final Retryable<Object> CREATE_RETRYABLE = Retryable.errors(
            e -> e instanceof GeminiException g && outcomeUnknown(g) && g.isRetryable(),
            e -> e instanceof GeminiException g ? g.retryDelay() : Optional.empty());

    /** The search after an unknown create failed: the create must not be sent again. */
    private static final class LookupFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient GeminiException failure;

        LookupFailed(GeminiException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    /** The job's current snapshot, with request counts. */
    @Override
    public BatchJobInfo batch(String jobName) {
        return withRetry("batches.get", jobName,
                () -> fromOperation(client.operations.get(new BatchOperation(jobName), null).raw()));
    }

    /** The job's snapshot as the SDK maps it ({@code batches.get}); Vertex AI jobs are read this way. */
    BatchJobInfo batchJob(String jobName) {
        return withRetry("batches.get", jobName, () -> fromSdk(client.batches.get(jobName, null)));
    }

    /** The most recent jobs, newest first as the API returns them, at most {@code max}. */
    @Override
    public List<BatchJobInfo> listBatches(int max) {
        List<BatchJobInfo> jobs = new ArrayList<>();
        scanBatches(job -> {
            jobs.add(job);
            return jobs.size() < max;
        });
        return jobs;
    }

    /**
     * The job created with {@code displayName}, searched over every page of the job list (the SDK's pager
     * follows {@code nextPageToken} to the last page); empty when no job has that name.
     */
    @Override
    public Optional<BatchJobInfo> findByDisplayName(String displayName) {
        List<BatchJobInfo> found = new ArrayList<>();
        scanBatches(job -> {
            if (displayName.equals(job.displayName())) {
                found.add(job);
                return false;
            }
            return true;
        });
        return found.stream().findFirst();
    }

    /** Reads the job list page after page, newest first, while {@code more} says so; retried as a whole. */
    private void scanBatches(java.util.function.Predicate<BatchJobInfo> more) {
        withRetry("batches.list", null, () -> {
            for (BatchJob job : client.batches.list(ListBatchJobsConfig.builder().pageSize(listPageSize).build())) {
                if (!more.test(fromSdk(job))) {
                    break;
                }
            }
            return null;
        });
    }

    /** Asks Gemini to cancel a job. */
    @Override
    public void cancel(String jobName) {
        withRetry("batches.cancel", jobName, () -> {
            client.batches.cancel(jobName, null);
            return null;
        });
    }

    /** Downloads a file to {@code target}, atomically: a partial download never appears there. */
    @Override
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
     * One synchronous classification: no retries here (the real-time runner owns the policy). The
     * thinking setting is sent as {@code thinkingConfig} in the model's dialect; {@code flex} asks
     * for the Flex service tier.
     *
     * @return the answer text, why it stopped, and the token usage
     */
    public Answer generate(String model, String systemInstruction, String prompt, ObjectNode responseSchema,
                           ThinkingChoice thinking, boolean flex) {
        return call("models.generateContent", null, () -> {
            GenerateContentConfig.Builder config = GenerateContentConfig.builder()
                    .responseMimeType("application/json")
                    .responseSchema(Schema.fromJson(responseSchema.toString()));
            if (systemInstruction != null && !systemInstruction.isBlank()) {
                config.systemInstruction(Content.builder().role("user")
                        .parts(List.of(Part.fromText(systemInstruction))).build());
            }
            if (thinking != null && !thinking.sendsNothing()) {
                ThinkingConfig.Builder t = ThinkingConfig.builder();
                if (thinking.budget() != null) {
                    t.thinkingBudget(thinking.budget());
                } else {
                    t.thinkingLevel(new ThinkingLevel(thinking.level()));
                }
                config.thinkingConfig(t.build());
            }
            if (flex) {
                config.serviceTier(new ServiceTier(ServiceTier.Known.FLEX));
            }
            GenerateContentResponse r = client.models.generateContent(model, prompt, config.build());
            Optional<GenerateContentResponseUsageMetadata> u = r.usageMetadata();
            long in = u.flatMap(GenerateContentResponseUsageMetadata::promptTokenCount).orElse(0);
            long thoughts = u.flatMap(GenerateContentResponseUsageMetadata::thoughtsTokenCount).orElse(0);
            long out = u.flatMap(GenerateContentResponseUsageMetadata::candidatesTokenCount).orElse(0) + thoughts;
            String tier = u.flatMap(GenerateContentResponseUsageMetadata::trafficType).map(Object::toString)
                    .orElse(null);
            Optional<Candidate> first = r.candidates().flatMap(c -> c.stream().findFirst());
            String finish = first.map(c -> c.finishReason().map(Object::toString).orElse("")).orElse(null);
            String block = r.promptFeedback().flatMap(f -> f.blockReason()).map(Object::toString).orElse(null);
            StringBuilder text = new StringBuilder();
            first.flatMap(Candidate::content).flatMap(Content::parts).ifPresent(parts -> parts.forEach(p -> {
                if (!p.thought().orElse(false)) {
                    p.text().ifPresent(text::append);
                }
            }));
            return new Answer(text.toString(), in, out, thoughts, r.modelVersion().orElse(model), finish, block, tier);
        });
    }

    /**
     * The models the API lists ({@code models.list}, every page), as id, input and output token
     * limits and whether the API says the model thinks.
     */
    public List<ListedModel> listModels() {
        return withRetry("models.list", null, () -> {
            List<ListedModel> out = new ArrayList<>();
            for (Model m : client.models.list(ListModelsConfig.builder().pageSize(1000).build())) {
                String name = m.name().orElse("");
                out.add(new ListedModel(name.startsWith("models/") ? name.substring(7) : name,
                        m.inputTokenLimit().orElse(0), m.outputTokenLimit().orElse(0),
                        m.supportedActions().orElse(List.of())));
            }
            return out;
        });
    }

    /** A model as {@code models.list} shows it. */
    public record ListedModel(String id, long inputTokenLimit, long outputTokenLimit, List<String> actions) {}

    /** Exact token count of {@code text} for {@code model}. */
    public int countTokens(String model, String text) {
        return withRetry("models.countTokens", null,
                () -> client.models.countTokens(model, text, null).totalTokens().orElse(0));
    }

    /**
     * A synchronous answer.
     *
     * @param text           the model's visible text (JSON for a response schema); thought parts left out
     * @param inputTokens    prompt tokens
     * @param outputTokens   output tokens billed, thinking included
     * @param thinkingTokens of the output, the thinking tokens
     * @param modelVersion   the model version that answered
     * @param finishReason   the candidate's finish reason, or null when there was no candidate
     * @param blockReason    the prompt's block reason, or null
     * @param trafficType    the service tier the usage reports (e.g. {@code ON_DEMAND_FLEX}), or null
     */
    public record Answer(String text, long inputTokens, long outputTokens, long thinkingTokens, String modelVersion,
                         String finishReason, String blockReason, String trafficType) {
        @Override
        public String toString() {
            return "Answer[in=" + inputTokens + ", out=" + outputTokens + " (thinking " + thinkingTokens + "), "
                    + modelVersion + (finishReason == null ? "" : ", " + finishReason) + "]";
        }
    }

    /** Runs {@code body} under the one retry policy; SDK failures become {@link GeminiException}s. */
    <T> T withRetry(String operation, String jobId, Supplier<T> body) {
        return retry.<T>decorate(() -> call(operation, jobId, body), RETRYABLE).get();
    }

    private static <T> T call(String operation, String jobId, Supplier<T> body) {
        try {
            return body.get();
        } catch (ApiException e) {
            GeminiException g = GeminiException.of(e.code(), operation, jobId, retryDelay(e.getMessage()),
                    e.status() + ": " + firstLine(e.message()), e);
            if (g instanceof GeminiQuotaException q && q.isSpendLimit()) {
                Notices.once("newsbatch: Gemini's spend limit for the project is reached; "
                        + "calls wait " + q.retryDelay().map(Object::toString).orElse("for the window")
                        + " and go on (raise the limit in AI Studio, or give --spend-per-10min to plan under it)");
            }
            throw g;
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

    /**
     * A job as the SDK maps it. Vertex AI jobs carry counts ({@code completionStats}) and name their output
     * prefix ({@code dest.gcsUri}) as results; Gemini's list entries carry neither.
     */
    private static BatchJobInfo fromSdk(BatchJob job) {
        var stats = job.completionStats();
        long ok = stats.flatMap(c -> c.successfulCount()).orElse(-1L);
        long failed = stats.flatMap(c -> c.failedCount()).orElse(ok < 0 ? -1L : 0L);
        long requests = ok < 0 ? -1 : ok + Math.max(0, failed) + stats.flatMap(c -> c.incompleteCount()).orElse(0L);
        return new BatchJobInfo(job.name().orElse(null), job.displayName().orElse(null),
                job.state().map(s -> JobState.fromWire(s.toString())).orElse(JobState.UNKNOWN),
                job.model().orElse(null), requests, ok, failed,
                job.createTime().orElse(null), job.updateTime().orElse(null), job.endTime().orElse(null),
                job.dest().flatMap(d -> d.fileName().or(() -> d.gcsUri()).or(() -> d.bigqueryUri())).orElse(null),
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

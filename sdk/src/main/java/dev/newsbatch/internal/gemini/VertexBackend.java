package dev.newsbatch.internal.gemini;

import dev.newsbatch.VertexTarget;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.genai.types.BatchJobDestination;
import com.google.genai.types.BatchJobSource;
import com.google.genai.types.CreateBatchJobConfig;
import dev.newsbatch.GeminiException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Vertex AI batch prediction as a {@link BatchBackend}: request files go to Cloud Storage through the official
 * storage client, jobs are created, read, listed and cancelled through the google-genai client in Vertex mode
 * ({@code projects/P/locations/L/batchPredictionJobs/ID}), and results are the {@code predictions*.jsonl}
 * files under the job's own output prefix. Vertex's lines carry no key, so each request carries its key as the
 * label {@value VertexLabels#KEY} (see {@link VertexLabels}); on download every line is rewritten into the Batch
 * API's result format with that label as its key, so the engine reads one format and maps keys, never
 * positions. With a BigQuery dataset on the target, each job reads its request file loaded into a table and
 * writes a prediction table, whose rows are rewritten the same way ({@link #createBatch}). Calls go through
 * the gateway's one retry policy; the at-most-once create is the gateway's.
 *
 * <pre>{@code
 * BatchBackend b = connection.backend();   // a connection opened for a VertexTarget
 * String uri = b.upload(Path.of("chunk-0.jsonl"), "nb-run1-c0-a1", "run1-c0-a1");  // gs://.../requests/nb-run1-c0-a1.jsonl
 * }</pre>
 */
public final class VertexBackend implements BatchBackend {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSONL = "application/jsonl";

    private final GeminiGateway gateway;
    private final Storage storage;
    private final VertexTarget target;
    /** The target's BigQuery tables, or null when its jobs read and write Cloud Storage. */
    private final BigQueryTables tables;

    VertexBackend(GeminiGateway gateway, Storage storage, VertexTarget target, BigQueryTables tables) {
        this.gateway = gateway;
        this.storage = storage;
        this.target = target;
        this.tables = tables;
    }

    /** The target this backend runs on. */
    public VertexTarget target() {
        return target;
    }

    @Override
    public String remoteName(String fileId) {
        return target.uri("requests/" + fileId + ".jsonl");
    }

    /** Where the job of {@code displayName} writes its results. */
    String outputPrefix(String displayName) {
        return target.uri("results/" + displayName + "/");
    }

    @Override
    public String upload(Path jsonl, String fileId, String displayName) {
        String uri = remoteName(fileId);
        Path converted = converted(jsonl);
        try {
            gateway.withRetry("objects.insert", null, storageCall(uri, () -> {
                try {
                    return storage.createFrom(BlobInfo.newBuilder(blobId(uri)).setContentType(JSONL).build(),
                            converted);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return uri;
        } finally {
            try {
                Files.deleteIfExists(converted);
            } catch (IOException ignored) {
                // a leftover is rewritten next time
            }
        }
    }

    /** The object's size, with Cloud Storage's MD5 (base64) in the hash slot; compared by {@link #holds}. */
    @Override
    public Optional<GeminiGateway.RemoteFile> file(String remoteName) {
        Blob blob = gateway.withRetry("objects.get", null, storageCall(remoteName,
                () -> storage.get(blobId(remoteName))));
        return blob == null ? Optional.empty()
                : Optional.of(new GeminiGateway.RemoteFile(remoteName, blob.getSize(), blob.getMd5()));
    }

    /** The remote object holds the request file as uploaded: the labelled lines, by size and MD5. */
    @Override
    public boolean holds(GeminiGateway.RemoteFile remote, Path local) {
        Path converted = converted(local);
        try {
            return Files.size(converted) == remote.sizeBytes() && remote.sha256Hash() != null
                    && remote.sha256Hash().equals(md5(converted));
        } catch (IOException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(converted);
            } catch (IOException ignored) {
                // rewritten next time
            }
        }
    }

    @Override
    public void deleteFile(String remoteName) {
        gateway.withRetry("objects.delete", null, storageCall(remoteName, () -> storage.delete(blobId(remoteName))));
    }

    /**
     * Creates the job of the request file {@code fileName} (in Cloud Storage), at most once under
     * {@code displayName}. With a BigQuery dataset the file is first loaded into the job's request table
     * ({@code newsbatch_requests_<display name>}, replaced whole, so a load sent again after a crash changes
     * nothing) and the job reads that table and writes {@code newsbatch_predictions_<display name>}.
     */
    @Override
    public BatchJobInfo createBatch(String model, String fileName, String displayName) {
        if (tables != null) {
            String requests = target.table("newsbatch_requests_" + tableSafe(displayName));
            tables.loadRequests(dev.newsbatch.BigQueryTable.parse(requests), fileName);
            return createBigQueryBatch(model, requests, target.table("newsbatch_predictions_" + tableSafe(displayName)),
                    displayName);
        }
        return gateway.createBatch(model,
                BatchJobSource.builder().format("jsonl").gcsUri(List.of(fileName)).build(),
                CreateBatchJobConfig.builder().displayName(displayName)
                        .dest(BatchJobDestination.builder().format("jsonl").gcsUri(outputPrefix(displayName)).build())
                        .build());
    }

    /** Creates a job reading a BigQuery table and writing to another ({@code bq://project.dataset.table}). */
    public BatchJobInfo createBigQueryBatch(String model, String sourceTable, String destinationTable,
                                            String displayName) {
        return gateway.createBatch(model,
                BatchJobSource.builder().format("bigquery").bigqueryUri(sourceTable).build(),
                CreateBatchJobConfig.builder().displayName(displayName)
                        .dest(BatchJobDestination.builder().format("bigquery").bigqueryUri(destinationTable).build())
                        .build());
    }

    @Override
    public Optional<BatchJobInfo> findByDisplayName(String displayName) {
        return gateway.findByDisplayName(displayName);
    }

    @Override
    public BatchJobInfo batch(String jobName) {
        return gateway.batchJob(jobName);
    }

    @Override
    public List<BatchJobInfo> listBatches(int max) {
        return gateway.listBatches(max);
    }

    @Override
    public void cancel(String jobName) {
        gateway.cancel(jobName);
    }

    /**
     * Reads every {@code predictions*.jsonl} under the job's output prefix (in name order) into one file in the
     * Batch API's result format: {@code {"key":<label>,"response":…}} for an answer, {@code {"key":<label>,
     * "error":{"message":<status>}}} for a failed request; a line with no label keeps no key, and an unreadable
     * line is kept as it is, so the reader reports both instead of guessing.
     */
    @Override
    public void download(String results, Path target) {
        if (results.startsWith("bq://")) {
            downloadTable(results, target);
            return;
        }
        gateway.withRetry("objects.list", results, storageCall(results, () -> {
            Path part = target.resolveSibling(target.getFileName() + ".part");
            BlobId prefix = blobId(results);
            List<Blob> files = new ArrayList<>();
            for (Blob b : storage.list(prefix.getBucket(), Storage.BlobListOption.prefix(prefix.getName()))
                    .iterateAll()) {
                String leaf = b.getName().substring(b.getName().lastIndexOf('/') + 1);
                if (leaf.startsWith("predictions") && leaf.endsWith(".jsonl")) {
                    files.add(b);
                }
            }
            if (files.isEmpty()) {
                throw GeminiException.of(404, "objects.list", results, null,
                        "no predictions*.jsonl under " + results + " yet", null);
            }
            files.sort((a, b) -> a.getName().compareTo(b.getName()));
            try (BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                for (Blob b : files) {
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(
                            Channels.newInputStream(storage.reader(b.getBlobId())), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            if (!line.isBlank()) {
                                out.write(resultLine(line));
                                out.write('\n');
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + part, e);
            }
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
            return null;
        }));
    }

    /** A prediction table's rows, each as the Vertex line it stands for, in the Batch API's result format. */
    private void downloadTable(String results, Path target) {
        if (tables == null) {
            throw new IllegalStateException("job results in " + results + " need a target with a BigQuery dataset");
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        boolean found;
        try (BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            found = tables.forEachRow(dev.newsbatch.BigQueryTable.parse(results), row -> {
                ObjectNode line = JSON.createObjectNode();
                try {
                    if (row.get("request") != null) {
                        line.set("request", JSON.readTree(row.get("request")));
                    }
                    if (row.get("response") != null) {
                        line.set("response", JSON.readTree(row.get("response")));
                    }
                } catch (IOException e) {
                    line.put("status", "the row's JSON is unreadable: " + e.getMessage());
                }
                if (row.get("status") != null && !line.has("status")) {
                    line.put("status", row.get("status"));
                }
                try {
                    out.write(resultLine(line.toString()));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + part, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + part, e);
        }
        if (!found) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // rewritten next time
            }
            throw GeminiException.of(404, "tables.get", results, null, "no predictions table " + results + " yet", null);
        }
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** A display name as a table name's part: letters, digits and underscores. */
    static String tableSafe(String displayName) {
        return displayName.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** One Vertex prediction line in the Batch API's result format (see {@link #download}). */
    static String resultLine(String vertexLine) {
        JsonNode line;
        try {
            line = JSON.readTree(vertexLine);
        } catch (IOException e) {
            return vertexLine;
        }
        if (!line.isObject()) {
            return vertexLine;
        }
        ObjectNode out = JSON.createObjectNode();
        JsonNode label = line.path("request").path("labels").path(VertexLabels.KEY);
        if (label.isTextual() && !label.asText().isBlank()) {
            out.put("key", label.asText());
        }
        String status = line.path("status").isTextual() ? line.path("status").asText() : "";
        if (!status.isBlank() || !line.has("response")) {
            out.putObject("error").put("message", status.isBlank() ? "the line has no response" : status);
        } else {
            out.set("response", line.get("response"));
        }
        return out.toString();
    }

    /** A sibling of {@code local} whose lines carry their key as a label, in Vertex's line format. */
    private static Path converted(Path local) {
        Path out = local.resolveSibling(local.getFileName() + ".vertex");
        try (BufferedReader in = Files.newBufferedReader(local, StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                ObjectNode request = (ObjectNode) node.get("request");
                String key = node.path("key").asText(null);
                if (request == null || key == null) {
                    throw new IllegalStateException("request file " + local + " has a line without key or request");
                }
                request.putObject("labels").put(VertexLabels.KEY, VertexLabels.of(key));
                ObjectNode vertex = JSON.createObjectNode();
                vertex.set("request", request);
                w.write(vertex.toString());
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + local + " for Vertex AI: " + e.getMessage(), e);
        }
        return out;
    }

    private static String md5(Path file) throws IOException {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BlobId blobId(String uri) {
        return BlobId.fromGsUtilUri(uri);
    }

    /** A storage call whose failures are {@link GeminiException}s (status 0 for no answer), so one policy retries. */
    private static <T> Supplier<T> storageCall(String uri, Supplier<T> body) {
        return () -> {
            try {
                return body.get();
            } catch (StorageException e) {
                throw GeminiException.of(Math.max(0, e.getCode()), "storage", uri, null,
                        "Cloud Storage: " + e.getMessage(), e);
            }
        };
    }

    @Override
    public String toString() {
        return "VertexBackend[" + target + "]";
    }
}

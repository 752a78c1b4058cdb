package dev.newsbatch.emulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a request goes: the endpoint, the API version it was sent under, and the resource id or model.
 * Serves every version segment the SDK can send ({@code v1}, {@code v1beta}, {@code v1alpha}).
 *
 * @param endpoint the API method
 * @param version  {@code v1}, {@code v1beta} ...
 * @param id       file or batch id, the model name ({@code gemini-2.5-flash}), or a Cloud Storage object name;
 *                 null for collections
 * @param scope    {@code projects/P/locations/L} of a Vertex AI call, or the bucket of a Cloud Storage call;
 *                 null for the Gemini API
 */
record Route(Endpoint endpoint, String version, String id, String scope) {
    Route(Endpoint endpoint, String version, String id) {
        this(endpoint, version, id, null);
    }

    private static final String V = "(v\\d+(?:alpha|beta)?\\d*)";
    private static final Pattern UPLOAD = Pattern.compile("/upload/" + V + "/files/?");
    private static final Pattern DOWNLOAD = Pattern.compile("/download/" + V + "/files/([^/:]+):download");
    private static final Pattern FILES = Pattern.compile("/" + V + "/files/?");
    private static final Pattern FILE = Pattern.compile("/" + V + "/files/([^/:]+)(:download)?");
    private static final Pattern MODEL = Pattern.compile("/" + V + "/(?:models|tunedModels)/([^/:]+):([A-Za-z]+)");
    private static final Pattern MODELS = Pattern.compile("/" + V + "/models/?");
    private static final Pattern MODEL_RESOURCE = Pattern.compile("/" + V + "/models/([^/:]+)");
    private static final Pattern BATCHES = Pattern.compile("/" + V + "/batches/?");
    private static final Pattern BATCH = Pattern.compile("/" + V + "/batches/([^/:]+)(?::([A-Za-z]+))?");

    private static final String SCOPE = "(projects/[^/]+/locations/[^/]+)";
    private static final Pattern VERTEX_JOBS = Pattern.compile("/" + V + "/" + SCOPE + "/batchPredictionJobs/?");
    private static final Pattern VERTEX_JOB = Pattern.compile("/" + V + "/" + SCOPE
            + "/batchPredictionJobs/([^/:]+)(?::([A-Za-z]+))?");
    private static final Pattern VERTEX_MODEL = Pattern.compile("/" + V + "/" + SCOPE
            + "/publishers/google/models/([^/:]+):([A-Za-z]+)");
    private static final Pattern GCS_UPLOAD = Pattern.compile("/upload/storage/v1/b/([^/]+)/o/?");
    private static final Pattern GCS_OBJECTS = Pattern.compile("/storage/v1/b/([^/]+)/o/?");
    private static final Pattern GCS_OBJECT = Pattern.compile("(?:/download)?/storage/v1/b/([^/]+)/o/(.+)");

    private static final String BQ = "/bigquery/v2/projects/([^/]+)";
    private static final Pattern BQ_DATASETS = Pattern.compile(BQ + "/datasets/?([^/]*)");
    private static final Pattern BQ_TABLES = Pattern.compile(BQ + "/datasets/([^/]+)/tables/?");
    private static final Pattern BQ_TABLE = Pattern.compile(BQ + "/datasets/([^/]+)/tables/([^/]+)(/data|/insertAll)?");
    private static final Pattern BQ_UPLOAD = Pattern.compile("/upload/bigquery/v2/projects/([^/]+)/jobs/?");
    private static final Pattern BQ_JOB = Pattern.compile(BQ + "/jobs/([^/]+)");
    private static final Pattern BQ_JOBS = Pattern.compile(BQ + "/jobs/?");

    /** The route of a request; {@code rawPath} keeps the percent-encoding Cloud Storage object names need. */
    static Route of(String method, String path, String rawPath, boolean hasUploadId) {
        Matcher m;
        if (path.startsWith("/bigquery/") || path.startsWith("/upload/bigquery/")) {
            return bigQuery(method, path, hasUploadId);
        }
        if ((m = GCS_UPLOAD.matcher(rawPath)).matches()) {
            String bucket = decode(m.group(1));
            if ("POST".equals(method) && !hasUploadId) {
                return new Route(Endpoint.GCS_UPLOAD, "storage/v1", null, bucket);
            }
            if (("PUT".equals(method) || "POST".equals(method)) && hasUploadId) {
                return new Route(Endpoint.GCS_UPLOAD_CHUNK, "storage/v1", null, bucket);
            }
        }
        if ((m = GCS_OBJECTS.matcher(rawPath)).matches() && "GET".equals(method)) {
            return new Route(Endpoint.GCS_LIST, "storage/v1", null, decode(m.group(1)));
        }
        if ((m = GCS_OBJECT.matcher(rawPath)).matches()) {
            String bucket = decode(m.group(1));
            String object = decode(m.group(2));
            if ("GET".equals(method)) {
                return new Route(Endpoint.GCS_GET, "storage/v1", object, bucket);
            }
            if ("DELETE".equals(method)) {
                return new Route(Endpoint.GCS_DELETE, "storage/v1", object, bucket);
            }
        }
        if ((m = VERTEX_JOBS.matcher(path)).matches()) {
            if ("POST".equals(method)) {
                return new Route(Endpoint.VERTEX_CREATE, m.group(1), null, m.group(2));
            }
            if ("GET".equals(method)) {
                return new Route(Endpoint.VERTEX_LIST, m.group(1), null, m.group(2));
            }
        }
        if ((m = VERTEX_JOB.matcher(path)).matches()) {
            String verb = m.group(4);
            if (verb == null && "GET".equals(method)) {
                return new Route(Endpoint.VERTEX_GET, m.group(1), m.group(3), m.group(2));
            }
            if (verb == null && "DELETE".equals(method)) {
                return new Route(Endpoint.VERTEX_DELETE, m.group(1), m.group(3), m.group(2));
            }
            if ("cancel".equals(verb) && "POST".equals(method)) {
                return new Route(Endpoint.VERTEX_CANCEL, m.group(1), m.group(3), m.group(2));
            }
        }
        if ((m = VERTEX_MODEL.matcher(path)).matches() && "POST".equals(method)) {
            switch (m.group(4)) {
                case "generateContent": return new Route(Endpoint.GENERATE_CONTENT, m.group(1), m.group(3), m.group(2));
                case "countTokens": return new Route(Endpoint.COUNT_TOKENS, m.group(1), m.group(3), m.group(2));
                default: break;
            }
        }
        if ((m = UPLOAD.matcher(path)).matches() && "POST".equals(method)) {
            return new Route(hasUploadId ? Endpoint.UPLOAD_CHUNK : Endpoint.UPLOAD_START, m.group(1), null);
        }
        if ((m = DOWNLOAD.matcher(path)).matches() && "GET".equals(method)) {
            return new Route(Endpoint.FILE_DOWNLOAD, m.group(1), m.group(2));
        }
        if ((m = FILES.matcher(path)).matches() && "GET".equals(method)) {
            return new Route(Endpoint.FILE_LIST, m.group(1), null);
        }
        if ((m = FILE.matcher(path)).matches()) {
            if (m.group(3) != null && "GET".equals(method)) {
                return new Route(Endpoint.FILE_DOWNLOAD, m.group(1), m.group(2));
            }
            if (m.group(3) == null && "GET".equals(method)) {
                return new Route(Endpoint.FILE_GET, m.group(1), m.group(2));
            }
            if (m.group(3) == null && "DELETE".equals(method)) {
                return new Route(Endpoint.FILE_DELETE, m.group(1), m.group(2));
            }
        }
        if ((m = MODEL.matcher(path)).matches() && "POST".equals(method)) {
            switch (m.group(3)) {
                case "generateContent": return new Route(Endpoint.GENERATE_CONTENT, m.group(1), m.group(2));
                case "countTokens": return new Route(Endpoint.COUNT_TOKENS, m.group(1), m.group(2));
                case "batchGenerateContent": return new Route(Endpoint.BATCH_CREATE, m.group(1), m.group(2));
                default: break;
            }
        }
        if ((m = MODELS.matcher(path)).matches() && "GET".equals(method)) {
            return new Route(Endpoint.MODEL_LIST, m.group(1), null);
        }
        if ((m = MODEL_RESOURCE.matcher(path)).matches() && "GET".equals(method)) {
            return new Route(Endpoint.MODEL_GET, m.group(1), m.group(2));
        }
        if ((m = BATCHES.matcher(path)).matches() && "GET".equals(method)) {
            return new Route(Endpoint.BATCH_LIST, m.group(1), null);
        }
        if ((m = BATCH.matcher(path)).matches()) {
            String verb = m.group(3);
            if (verb == null && "GET".equals(method)) {
                return new Route(Endpoint.BATCH_GET, m.group(1), m.group(2));
            }
            if (verb == null && "DELETE".equals(method) || "delete".equals(verb) && "POST".equals(method)) {
                return new Route(Endpoint.BATCH_DELETE, m.group(1), m.group(2));
            }
            if ("cancel".equals(verb) && "POST".equals(method)) {
                return new Route(Endpoint.BATCH_CANCEL, m.group(1), m.group(2));
            }
        }
        return new Route(Endpoint.UNKNOWN, null, null);
    }

    /** A BigQuery route: scope {@code project} or {@code project/dataset}, id the table or job. */
    private static Route bigQuery(String method, String path, boolean hasUploadId) {
        Matcher m;
        if ((m = BQ_UPLOAD.matcher(path)).matches()) {
            if ("POST".equals(method) && !hasUploadId) {
                return new Route(Endpoint.BQ_LOAD_START, "bigquery/v2", null, m.group(1));
            }
            if (("PUT".equals(method) || "POST".equals(method)) && hasUploadId) {
                return new Route(Endpoint.BQ_LOAD_CHUNK, "bigquery/v2", null, m.group(1));
            }
        }
        if ((m = BQ_JOBS.matcher(path)).matches() && "POST".equals(method)) {
            return new Route(Endpoint.BQ_JOB_INSERT, "bigquery/v2", null, m.group(1));
        }
        if ((m = BQ_JOB.matcher(path)).matches() && "GET".equals(method)) {
            return new Route(Endpoint.BQ_JOB_GET, "bigquery/v2", m.group(2), m.group(1));
        }
        if ((m = BQ_TABLES.matcher(path)).matches() && "POST".equals(method)) {
            return new Route(Endpoint.BQ_TABLE_INSERT, "bigquery/v2", null, m.group(1) + "/" + m.group(2));
        }
        if ((m = BQ_TABLES.matcher(path)).matches() && "GET".equals(method)) {
            return new Route(Endpoint.BQ_TABLE_LIST, "bigquery/v2", null, m.group(1) + "/" + m.group(2));
        }
        if ((m = BQ_TABLE.matcher(path)).matches()) {
            String scope = m.group(1) + "/" + m.group(2);
            String verb = m.group(4);
            if ("/data".equals(verb) && "GET".equals(method)) {
                return new Route(Endpoint.BQ_ROWS, "bigquery/v2", m.group(3), scope);
            }
            if ("/insertAll".equals(verb) && "POST".equals(method)) {
                return new Route(Endpoint.BQ_INSERT_ALL, "bigquery/v2", m.group(3), scope);
            }
            if (verb == null && "GET".equals(method)) {
                return new Route(Endpoint.BQ_TABLE_GET, "bigquery/v2", m.group(3), scope);
            }
            if (verb == null && "DELETE".equals(method)) {
                return new Route(Endpoint.BQ_TABLE_DELETE, "bigquery/v2", m.group(3), scope);
            }
        }
        if ((m = BQ_DATASETS.matcher(path)).matches() && ("GET".equals(method) || "POST".equals(method))) {
            String dataset = m.group(2).isEmpty() ? null : m.group(2);
            return new Route(Endpoint.BQ_DATASET, "bigquery/v2", dataset, m.group(1));
        }
        return new Route(Endpoint.UNKNOWN, null, null);
    }

    /** True for a BigQuery call (the client points at the emulator without credentials). */
    boolean bigQuery() {
        return endpoint.name().startsWith("BQ_");
    }

    /** True for a Vertex AI call (authenticated by an OAuth bearer token, not an API key). */
    boolean vertex() {
        return scope != null && scope.startsWith("projects/");
    }

    /** True for a Cloud Storage call. */
    boolean storage() {
        return endpoint.name().startsWith("GCS_");
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}

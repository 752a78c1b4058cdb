package dev.newsbatch.emulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a request goes: the endpoint, the API version it was sent under, and the resource id or model.
 * Serves every version segment the SDK can send ({@code v1}, {@code v1beta}, {@code v1alpha}).
 *
 * @param endpoint the API method
 * @param version  {@code v1}, {@code v1beta} ...
 * @param id       file or batch id, or the model name ({@code gemini-2.5-flash}); null for collections
 */
record Route(Endpoint endpoint, String version, String id) {
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

    static Route of(String method, String path, boolean hasUploadId) {
        Matcher m;
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
}

package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * A subset of the Cloud Storage JSON API, as the official {@code google-cloud-storage} client calls it when
 * its host is the emulator: uploads ({@code uploadType=media}, {@code multipart}, {@code resumable} with
 * {@code Content-Range} chunks and 308 answers), object metadata, listing with prefix and paging, download
 * ({@code alt=media}, with {@code Range}), delete. Objects live under {@code gcs/<bucket>/} in the state
 * directory; any bucket exists. Batch prediction jobs read their requests and write their results here.
 */
final class StorageApi {

    private final GeminiEmulator emu;
    private final Path root;
    private final Path sessions;

    StorageApi(GeminiEmulator emu) {
        this.emu = emu;
        this.root = emu.store().root().resolve("gcs");
        this.sessions = emu.store().root().resolve("gcs-uploads");
        try {
            Files.createDirectories(root);
            Files.createDirectories(sessions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
    }

    // ------------------------------------------------------------------ objects as the batch jobs see them

    /** The bytes' path of {@code gs://bucket/name}, or null when there is no such object. */
    Path content(String bucket, String name) {
        Path p = contentPath(bucket, name);
        return Files.exists(p) ? p : null;
    }

    /** Stores {@code bytes} as {@code gs://bucket/name}. */
    void put(String bucket, String name, byte[] bytes, String contentType) {
        try {
            Path target = contentPath(bucket, name);
            Files.createDirectories(target.getParent());
            emu.store().write(target, bytes);
            writeMeta(bucket, name, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store gs://" + bucket + "/" + name, e);
        }
    }

    /** The names under {@code prefix} in {@code bucket}, sorted. */
    List<String> names(String bucket, String prefix) {
        List<String> out = new ArrayList<>();
        Path dir = root.resolve(safe(bucket));
        if (!Files.isDirectory(dir)) {
            return out;
        }
        TreeSet<String> sorted = new TreeSet<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.bin")) {
            for (Path p : s) {
                String file = p.getFileName().toString();
                String name = URLDecoder.decode(file.substring(0, file.length() - 4), StandardCharsets.UTF_8);
                if (name.startsWith(prefix)) {
                    sorted.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list gs://" + bucket, e);
        }
        out.addAll(sorted);
        return out;
    }

    // ------------------------------------------------------------------ HTTP

    void upload(HttpCall call, Route route) throws IOException {
        String bucket = route.scope();
        String type = call.query("uploadType");
        if ("resumable".equals(type)) {
            JsonNode meta = call.json(1 << 20);
            String name = firstNonBlank(meta.path("name").asText(null), call.query("name"));
            requireName(name);
            String token = Ids.random(32);
            ObjectNode session = Json.object().put("bucket", bucket).put("name", name)
                    .put("contentType", meta.path("contentType").asText("application/octet-stream"));
            emu.store().writeJson(sessions.resolve(token + ".json"), session);
            Files.write(sessions.resolve(token + ".part"), new byte[0]);
            call.setHeader("Location", hostUrl(call) + "/upload/storage/v1/b/" + enc(bucket)
                    + "/o?uploadType=resumable&upload_id=" + token);
            call.replyJson(200, Json.object());
            return;
        }
        if ("multipart".equals(type)) {
            multipart(call, bucket);
            return;
        }
        if ("media".equals(type) || type == null) {
            String name = call.query("name");
            requireName(name);
            byte[] bytes = call.body(Long.MAX_VALUE / 2);
            put(bucket, name, bytes, firstNonBlank(call.header("Content-Type"), "application/octet-stream"));
            call.replyJson(200, resource(bucket, name));
            return;
        }
        throw ApiError.invalidArgument("Unsupported uploadType: " + type);
    }

    /** A chunk of a resumable upload ({@code PUT} to the session URL), or a status query. */
    void chunk(HttpCall call, Route route) throws IOException {
        String token = call.query("upload_id");
        Path metaFile = sessions.resolve(safe(token) + ".json");
        Path part = sessions.resolve(safe(token) + ".part");
        if (!Files.exists(metaFile)) {
            throw ApiError.notFound("No such upload session.");
        }
        JsonNode session = Json.parse(Files.readAllBytes(metaFile));
        String bucket = session.path("bucket").asText();
        String name = session.path("name").asText();
        ResumableChunks.accept(call, part, () -> finish(call, bucket, name, session, part, metaFile));
    }

    private void finish(HttpCall call, String bucket, String name, JsonNode session, Path part, Path metaFile)
            throws IOException {
        Path target = contentPath(bucket, name);
        Files.createDirectories(target.getParent());
        emu.store().moveInto(part, target);
        writeMeta(bucket, name, session.path("contentType").asText("application/octet-stream"));
        Files.deleteIfExists(metaFile);
        emu.counters().filesUploaded.incrementAndGet();
        call.replyJson(200, resource(bucket, name));
    }

    private void multipart(HttpCall call, String bucket) {
        String contentType = call.header("Content-Type");
        Matcher b = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType == null ? "" : contentType);
        if (!b.find()) {
            throw ApiError.invalidArgument("A multipart upload needs a boundary.");
        }
        byte[] body = call.body(Long.MAX_VALUE / 2);
        byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            parts.add(java.util.Arrays.copyOfRange(body, start, next));
            at = next;
        }
        if (parts.size() != 2) {
            throw ApiError.invalidArgument("A multipart upload has a metadata part and a media part, found "
                    + parts.size() + " parts.");
        }
        JsonNode meta = Json.parse(partBody(parts.get(0)));
        String name = firstNonBlank(meta.path("name").asText(null), call.query("name"));
        requireName(name);
        byte[] media = partBody(parts.get(1));
        put(bucket, name, media, meta.path("contentType").asText("application/octet-stream"));
        call.replyJson(200, resource(bucket, name));
    }

    /** A MIME part's body: after the blank line that ends its headers, without the CRLF before the delimiter. */
    private static byte[] partBody(byte[] part) {
        byte[] sep = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int h = indexOf(part, sep, 0);
        int from = h < 0 ? 0 : h + 4;
        int to = part.length;
        if (to - 2 >= from && part[to - 2] == '\r' && part[to - 1] == '\n') {
            to -= 2;
        }
        return java.util.Arrays.copyOfRange(part, from, to);
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    void get(HttpCall call, Route route) throws IOException {
        String bucket = route.scope();
        String name = route.id();
        if (content(bucket, name) == null) {
            throw notFound(bucket, name);
        }
        if ("media".equals(call.query("alt"))) {
            download(call, bucket, name);
            return;
        }
        call.replyJson(200, resource(bucket, name));
    }

    private void download(HttpCall call, String bucket, String name) throws IOException {
        Path p = contentPath(bucket, name);
        ObjectNode meta = resource(bucket, name);
        long size = Files.size(p);
        long from = 0;
        long to = size - 1;
        String range = call.header("Range");
        boolean partial = false;
        if (range != null) {
            Matcher m = Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range.trim());
            if (m.matches()) {
                from = Long.parseLong(m.group(1));
                if (!m.group(2).isEmpty()) {
                    to = Math.min(to, Long.parseLong(m.group(2)));
                }
                partial = true;
            }
        }
        call.setHeader("x-goog-generation", meta.path("generation").asText());
        call.setHeader("x-goog-metageneration", "1");
        call.setHeader("x-goog-stored-content-length", String.valueOf(size));
        call.setHeader("x-goog-hash", "crc32c=" + meta.path("crc32c").asText() + ",md5=" + meta.path("md5Hash").asText());
        if (from >= size && size > 0) {
            call.setHeader("Content-Range", "bytes */" + size);
            call.replyEmpty(416);
            return;
        }
        long length = Math.max(0, to - from + 1);
        if (partial) {
            call.setHeader("Content-Range", "bytes " + from + "-" + to + "/" + size);
        }
        try (InputStream in = Files.newInputStream(p);
             OutputStream out = call.startBody(partial ? 206 : 200, length, meta.path("contentType").asText())) {
            in.skipNBytes(from);
            byte[] buf = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
        emu.counters().bytesDownloaded.addAndGet(length);
    }

    void list(HttpCall call, Route route) {
        String bucket = route.scope();
        String prefix = firstNonBlank(call.query("prefix"), "");
        String delimiter = call.query("delimiter");
        int size = Pages.size(call.query("maxResults"), 1000, 1000);
        String after = call.query("pageToken") == null ? null
                : new String(Base64.getUrlDecoder().decode(call.query("pageToken")), StandardCharsets.UTF_8);
        ObjectNode reply = Json.object().put("kind", "storage#objects");
        ArrayNode items = Json.array();
        TreeSet<String> prefixes = new TreeSet<>();
        String last = null;
        boolean more = false;
        for (String name : names(bucket, prefix)) {
            if (after != null && name.compareTo(after) <= 0) {
                continue;
            }
            if (items.size() + prefixes.size() >= size) {
                more = true;
                break;
            }
            int cut = delimiter == null || delimiter.isEmpty() ? -1 : name.indexOf(delimiter, prefix.length());
            if (cut >= 0) {
                prefixes.add(name.substring(0, cut + delimiter.length()));
            } else {
                items.add(resource(bucket, name));
            }
            last = name;
        }
        if (!items.isEmpty()) {
            reply.set("items", items);
        }
        if (!prefixes.isEmpty()) {
            ArrayNode p = reply.putArray("prefixes");
            prefixes.forEach(p::add);
        }
        if (more && last != null) {
            reply.put("nextPageToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        }
        call.replyJson(200, reply);
    }

    void delete(HttpCall call, Route route) throws IOException {
        String bucket = route.scope();
        String name = route.id();
        Path p = content(bucket, name);
        if (p == null) {
            throw notFound(bucket, name);
        }
        Files.deleteIfExists(p);
        Files.deleteIfExists(metaPath(bucket, name));
        call.replyEmpty(204);
    }

    // ------------------------------------------------------------------ resources

    private ObjectNode resource(String bucket, String name) {
        Path p = contentPath(bucket, name);
        ObjectNode stored;
        try {
            Path m = metaPath(bucket, name);
            stored = Files.exists(m) ? (ObjectNode) Json.parse(Files.readAllBytes(m)) : writeMeta(bucket, name, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gs://" + bucket + "/" + name, e);
        }
        ObjectNode o = Json.object();
        String generation = stored.path("generation").asText();
        o.put("kind", "storage#object");
        o.put("id", bucket + "/" + name + "/" + generation);
        o.put("selfLink", "/storage/v1/b/" + enc(bucket) + "/o/" + enc(name));
        o.put("mediaLink", "/download/storage/v1/b/" + enc(bucket) + "/o/" + enc(name) + "?generation="
                + generation + "&alt=media");
        o.put("name", name);
        o.put("bucket", bucket);
        o.put("generation", generation);
        o.put("metageneration", "1");
        o.put("contentType", stored.path("contentType").asText("application/octet-stream"));
        o.put("storageClass", "STANDARD");
        o.put("size", stored.path("size").asText());
        o.put("md5Hash", stored.path("md5Hash").asText());
        o.put("crc32c", stored.path("crc32c").asText());
        o.put("etag", stored.path("md5Hash").asText());
        o.put("timeCreated", stored.path("timeCreated").asText());
        o.put("updated", stored.path("timeCreated").asText());
        o.put("timeStorageClassUpdated", stored.path("timeCreated").asText());
        return o;
    }

    private ObjectNode writeMeta(String bucket, String name, String contentType) {
        Path p = contentPath(bucket, name);
        try {
            byte[] bytes = Files.readAllBytes(p);
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            ObjectNode m = Json.object();
            m.put("generation", String.valueOf(System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000 % 1000)));
            m.put("contentType", contentType == null ? "application/octet-stream" : contentType);
            m.put("size", String.valueOf(bytes.length));
            m.put("md5Hash", Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes)));
            m.put("crc32c", Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(4).putInt((int) crc.getValue()).array()));
            m.put("timeCreated", emu.now().toString());
            emu.store().writeJson(metaPath(bucket, name), m);
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot describe gs://" + bucket + "/" + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path contentPath(String bucket, String name) {
        return root.resolve(safe(bucket)).resolve(enc(name) + ".bin");
    }

    private Path metaPath(String bucket, String name) {
        return root.resolve(safe(bucket)).resolve(enc(name) + ".meta");
    }

    private static ApiError notFound(String bucket, String name) {
        return ApiError.notFound("No such object: " + bucket + "/" + name);
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiError.invalidArgument("Required object name is missing.");
        }
    }

    private static String hostUrl(HttpCall call) {
        String host = call.header("Host");
        return "http://" + (host == null ? "127.0.0.1" : host);
    }

    private static String safe(String segment) {
        if (segment == null || segment.isEmpty() || segment.contains("/") || segment.startsWith(".")) {
            throw ApiError.invalidArgument("Invalid bucket or upload id: " + segment);
        }
        return segment;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}

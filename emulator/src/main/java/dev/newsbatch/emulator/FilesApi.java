package dev.newsbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The Files API: resumable upload, get, list, delete, download. */
final class FilesApi {
    static final long CHUNK_GRANULARITY = 8L * 1024 * 1024;
    private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

    private final GeminiEmulator emu;
    private final StateStore store;

    FilesApi(GeminiEmulator emu) {
        this.emu = emu;
        this.store = emu.store();
    }

    void startUpload(HttpCall call, Route route) {
        String protocol = call.header("X-Goog-Upload-Protocol");
        if (protocol == null || !protocol.trim().equalsIgnoreCase("resumable")) {
            throw ApiError.invalidArgument("Only the resumable upload protocol is supported; "
                    + "set X-Goog-Upload-Protocol: resumable.");
        }
        String command = call.header("X-Goog-Upload-Command");
        if (command == null || !command.toLowerCase(Locale.ROOT).contains("start")) {
            throw ApiError.invalidArgument("X-Goog-Upload-Command must be start, was " + command);
        }
        JsonNode body = call.json(1024 * 1024);
        JsonNode file = body.path("file");
        long declared = parseLong(call.header("X-Goog-Upload-Header-Content-Length"), -1);
        Quota quota = emu.config().quotaFor("gemini");
        if (declared > quota.maxFileBytes()) {
            throw ApiError.invalidArgument("File size " + declared + " bytes exceeds the maximum allowed size of "
                    + quota.maxFileBytes() + " bytes.");
        }
        String mime = file.path("mimeType").asText(null);
        if (mime == null) {
            mime = call.header("X-Goog-Upload-Header-Content-Type");
        }
        if (mime == null || mime.isBlank()) {
            throw ApiError.invalidArgument("File mime type is missing; set file.mimeType or "
                    + "X-Goog-Upload-Header-Content-Type.");
        }
        String id;
        if (file.hasNonNull("name")) {
            id = bareId(file.get("name").asText());
            if (!ID.matcher(id).matches()) {
                throw ApiError.invalidArgument("Invalid file name: \"" + file.get("name").asText() + "\". The id "
                        + "must be 1-40 characters of lowercase letters, digits or dashes, not starting or ending "
                        + "with a dash.");
            }
            if (Files.exists(store.fileMeta(id))) {
                throw ApiError.alreadyExists("File files/" + id + " already exists.");
            }
        } else {
            id = Ids.random(12);
        }
        String token = Ids.random(40);
        store.writeJson(store.uploadMeta(token), new UploadSession(token, id,
                file.path("displayName").asText(null), mime, declared));
        call.setHeader("X-Goog-Upload-URL", "http://127.0.0.1:" + emu.port() + "/upload/" + route.version()
                + "/files?upload_id=" + token + "&upload_protocol=resumable");
        call.setHeader("X-Goog-Upload-Status", "active");
        call.setHeader("X-Goog-Upload-Chunk-Granularity", String.valueOf(CHUNK_GRANULARITY));
        call.setHeader("X-Goog-Upload-Control-URL", "http://127.0.0.1:" + emu.port() + "/upload/" + route.version()
                + "/files?upload_id=" + token + "&upload_protocol=resumable");
        call.replyEmpty(200);
    }

    void uploadChunk(HttpCall call, Route route) {
        String token = call.query("upload_id");
        UploadSession session = store.read(store.uploadMeta(token), UploadSession.class);
        if (session == null) {
            throw ApiError.notFound("Upload session " + token + " was not found or has already been finalized.");
        }
        String command = String.valueOf(call.header("X-Goog-Upload-Command")).toLowerCase(Locale.ROOT);
        Path part = store.uploadPart(token);
        long have = size(part);
        if (command.contains("query")) {
            call.setHeader("X-Goog-Upload-Status", "active");
            call.setHeader("X-Goog-Upload-Size-Received", String.valueOf(have));
            call.replyEmpty(200);
            return;
        }
        if (!command.contains("upload") && !command.contains("finalize")) {
            throw ApiError.invalidArgument("X-Goog-Upload-Command must be upload, finalize or query, was " + command);
        }
        long offset = parseLong(call.header("X-Goog-Upload-Offset"), have);
        if (offset != have) {
            throw ApiError.invalidArgument("Invalid X-Goog-Upload-Offset " + offset + "; the server has received "
                    + have + " bytes.");
        }
        long limit = Math.min(emu.config().quotaFor("gemini").maxFileBytes(),
                session.declaredSize() >= 0 ? session.declaredSize() : Long.MAX_VALUE);
        long received = append(call.bodyStream(), part, limit - have);
        emu.counters().bytesUploaded.addAndGet(received);
        long total = have + received;
        if (!command.contains("finalize")) {
            call.setHeader("X-Goog-Upload-Status", "active");
            call.setHeader("X-Goog-Upload-Size-Received", String.valueOf(total));
            call.replyEmpty(200);
            return;
        }
        if (session.declaredSize() >= 0 && total != session.declaredSize()) {
            throw ApiError.invalidArgument("The upload was finalized after " + total + " bytes, but "
                    + session.declaredSize() + " bytes were announced.");
        }
        StoredFile stored = finish(session, part, total);
        store.delete(store.uploadMeta(token));
        emu.counters().filesUploaded.incrementAndGet();
        call.setHeader("X-Goog-Upload-Status", "final");
        ObjectNode reply = Json.object();
        reply.set("file", fileJson(stored, route.version()));
        call.replyJson(200, reply);
    }

    private StoredFile finish(UploadSession session, Path part, long total) {
        try {
            if (!Files.exists(part)) {
                Files.createFile(part);
            }
            String sha = sha256(part);
            Files.move(part, store.fileContent(session.fileId()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            StoredFile stored = new StoredFile(session.fileId(), session.displayName(), session.mimeType(), total,
                    emu.now().toString(), sha, "UPLOADED");
            store.writeJson(store.fileMeta(session.fileId()), stored);
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void get(HttpCall call, Route route) {
        call.replyJson(200, fileJson(require(route.id()), route.version()));
    }

    void list(HttpCall call, Route route) {
        Instant now = emu.now();
        List<StoredFile> all = new ArrayList<>();
        for (StoredFile f : store.readAll(store.filesDir(), StoredFile.class)) {
            if (!f.expiredAt(now)) {
                all.add(f);
            }
        }
        Pages.Page<StoredFile> page = Pages.slice(all, f -> Pages.sortKey(Instant.parse(f.createTime()), f.id()),
                call.query("pageToken"), call.query("pageSize"), 10, 100);
        ObjectNode reply = Json.object();
        if (!page.items().isEmpty()) {
            ArrayNode files = reply.putArray("files");
            page.items().forEach(f -> files.add(fileJson(f, route.version())));
        }
        if (page.nextPageToken() != null) {
            reply.put("nextPageToken", page.nextPageToken());
        }
        call.replyJson(200, reply);
    }

    void delete(HttpCall call, Route route) {
        StoredFile f = require(route.id());
        store.delete(store.fileMeta(f.id()));
        store.delete(store.fileContent(f.id()));
        call.replyJson(200, Json.object());
    }

    void download(HttpCall call, Route route) throws IOException {
        StoredFile f = require(route.id());
        Path content = store.fileContent(f.id());
        long size = f.sizeBytes();
        boolean truncate = emu.faultInjector().truncateDownload();
        try (InputStream in = Files.newInputStream(content)) {
            OutputStream out = call.startBody(200, size, f.mimeType());
            long toSend = truncate ? size / 2 : size;
            byte[] buf = new byte[64 * 1024];
            long sent = 0;
            while (sent < toSend) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, toSend - sent));
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
                sent += n;
            }
            emu.counters().bytesDownloaded.addAndGet(sent);
            if (truncate) {
                emu.counters().faultsInjected.incrementAndGet();
                out.flush();
            }
        } finally {
            call.close();
        }
    }

    /** The file with this id (generating a batch result file on first access), or 403 as the real API answers. */
    StoredFile require(String rawId) {
        String id = bareId(rawId);
        StoredFile f = store.read(store.fileMeta(id), StoredFile.class);
        if (f == null && id.startsWith("batch-")) {
            emu.batchOutput().ensureResultFile(id.substring("batch-".length()));
            f = store.read(store.fileMeta(id), StoredFile.class);
        }
        if (f == null || f.expiredAt(emu.now())) {
            throw new ApiError(403, "PERMISSION_DENIED", "You do not have permission to access the File " + id
                    + " or it may not exist.", null);
        }
        return f;
    }

    ObjectNode fileJson(StoredFile f, String version) {
        ObjectNode o = Json.object();
        o.put("name", "files/" + f.id());
        if (f.displayName() != null) {
            o.put("displayName", f.displayName());
        }
        o.put("mimeType", f.mimeType());
        o.put("sizeBytes", String.valueOf(f.sizeBytes()));
        o.put("createTime", f.createTime());
        o.put("updateTime", f.createTime());
        o.put("expirationTime", f.expirationTime().toString());
        o.put("sha256Hash", f.sha256Hash());
        String base = emu.baseUrl() + "/" + (version == null ? "v1beta" : version);
        o.put("uri", base + "/files/" + f.id());
        o.put("downloadUri", base + "/files/" + f.id() + ":download?alt=media");
        o.put("state", "ACTIVE");
        o.put("source", f.source());
        return o;
    }

    static String bareId(String name) {
        String n = name.trim();
        int at = n.lastIndexOf("files/");
        return at >= 0 ? n.substring(at + "files/".length()) : n;
    }

    /** Base64 of the hex SHA-256 digest, the form the API shows. */
    static String sha256(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            String hex = HexFormat.of().formatHex(md.digest());
            return Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long append(InputStream in, Path part, long room) {
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            byte[] buf = new byte[256 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > room) {
                    throw ApiError.invalidArgument("The upload exceeds the announced or maximum file size.");
                }
                out.write(buf, 0, n);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long parseLong(String text, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalidArgument("Invalid number in upload header: \"" + text + "\"");
        }
    }
}

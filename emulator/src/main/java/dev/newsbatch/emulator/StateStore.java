package dev.newsbatch.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The emulator's state directory. Every write goes to a temporary file that is then renamed, so two emulators
 * (in one process or two) on the same directory see each other's files and jobs. Files are read from disk
 * when asked for; batch jobs are also indexed in memory ({@link JobIndex}), which re-reads only the job files
 * that changed, as the journal and the files' attributes tell.
 *
 * <pre>
 * files/ID.json  files/ID.bin          uploaded and generated files (metadata, content)
 * uploads/TOKEN.json  uploads/TOKEN.part   open resumable upload sessions
 * batches/ID.json                       immutable facts of a batch job (rewritten only to add a cancel or
 *                                       delete time; a deleted job keeps its facts)
 * batches/ID.input.jsonl                the job's requests, one per line
 * batches/ID.inlined.json               inlined responses, written on first read after completion
 * batches.journal                       the id of every job file written, one a line, appended under the
 *                                       directory's lock (tells the other emulators what to re-read)
 * </pre>
 */
final class StateStore {
    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    private final Path files;
    private final Path uploads;
    private final Path batches;
    private final AtomicLong jobFileReads = new AtomicLong();
    private final JobIndex jobs;

    StateStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.files = this.root.resolve("files");
        this.uploads = this.root.resolve("uploads");
        this.batches = this.root.resolve("batches");
        try {
            Files.createDirectories(files);
            Files.createDirectories(uploads);
            Files.createDirectories(batches);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create state directory " + this.root, e);
        }
        this.jobs = new JobIndex(this, this.root.resolve("batches.journal"));
    }

    /** Writes a job's facts and tells the index (call while holding {@link #locked}). */
    void saveJob(JobFacts f) {
        writeJson(jobFacts(f.id()), f);
        jobs.written(f);
    }

    /** The batch jobs of the directory, indexed in memory (see {@link JobIndex}). */
    JobIndex jobs() {
        return jobs;
    }

    /** How many times a job file ({@code batches/ID.json}) was read since the store opened. */
    long jobFileReads() {
        return jobFileReads.get();
    }

    Path root() {
        return root;
    }

    Path fileMeta(String id) {
        return files.resolve(id + ".json");
    }

    Path fileContent(String id) {
        return files.resolve(id + ".bin");
    }

    Path uploadMeta(String token) {
        return uploads.resolve(token + ".json");
    }

    Path uploadPart(String token) {
        return uploads.resolve(token + ".part");
    }

    Path jobFacts(String id) {
        return batches.resolve(id + ".json");
    }

    Path jobInput(String id) {
        return batches.resolve(id + ".input.jsonl");
    }

    Path jobInlined(String id) {
        return batches.resolve(id + ".inlined.json");
    }

    Path filesDir() {
        return files;
    }

    Path batchesDir() {
        return batches;
    }

    /** Reads a JSON record, or null when the file does not exist (or vanished while being read). */
    <T> T read(Path path, Class<T> type) {
        if (batches.equals(path.getParent())) {
            String name = path.getFileName().toString();
            if (name.indexOf('.') == name.length() - 5 && name.endsWith(".json")) {
                jobFileReads.incrementAndGet();
            }
        }
        try {
            return Json.read(Files.readAllBytes(path), type);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** All records of {@code type} in {@code dir} whose names end in {@code .json} (sidecar files skipped). */
    <T> List<T> readAll(Path dir, Class<T> type) {
        List<T> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (name.indexOf('.') != name.length() - 5) {
                    continue;
                }
                T value = read(p, type);
                if (value != null) {
                    out.add(value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return out;
    }

    void writeJson(Path path, Object value) {
        write(path, Json.bytes(value));
    }

    /** Writes {@code bytes} to a temporary sibling and renames it over {@code path}. */
    void write(Path path, byte[] bytes) {
        try {
            Path tmp = temp(path);
            Files.write(tmp, bytes);
            moveInto(tmp, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** A fresh temporary sibling of {@code path}, unique across processes. */
    Path temp(Path path) throws IOException {
        return Files.createTempFile(path.getParent(), "." + path.getFileName(), ".tmp");
    }

    /** Renames {@code from} to {@code to}, atomically where the file system allows it. */
    void moveInto(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    /**
     * Runs {@code action} holding the directory's lock, shared by every emulator on it in this JVM and in
     * other processes; used where a decision reads many records and then writes one (quota checks).
     */
    <T> T locked(Supplier<T> action) {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(root, r -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            return action.get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + root, e);
        } finally {
            jvmLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "StateStore[" + root + "]";
    }
}

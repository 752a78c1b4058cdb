package dev.newsbatch.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The batch jobs of a state directory, in memory: loaded once from {@code batches/ID.json} when the store
 * opens, kept up to date by every create, cancel and delete, and ordered for paging. The job files stay the
 * source of truth; the index is a cache of them and a restart rebuilds it.
 *
 * <p>Several emulators (in one process or in several) may share the directory. Every write of a job file
 * (made under {@link StateStore#locked}) is followed by a line with the job's id in the journal
 * {@code batches.journal}; before answering, the index reads the journal lines appended since it last
 * looked and re-reads only the job files they name. A job looked up by id is also checked against its file
 * (file key, modification time and size) and re-read if it changed, so a get reads at most that one job
 * file, and a list page at most the job files of the page, whatever the number of jobs.
 */
final class JobIndex {
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");

    /** One job and the attributes of the file it was read from. */
    private record Entry(JobFacts facts, Object fileKey, FileTime modified, long size) {
        boolean sameFile(BasicFileAttributes a) {
            return a.size() == size && a.lastModifiedTime().equals(modified) && Objects.equals(a.fileKey(), fileKey);
        }
    }

    private final StateStore store;
    private final Path journal;
    private final Map<String, Entry> jobs = new HashMap<>();
    /** Jobs not deleted, by {@link Pages#sortKey} (creation time, then id). */
    private final TreeMap<String, JobFacts> visible = new TreeMap<>();
    /** The processing history of all jobs, or null when a change requires it to be recomputed. */
    private JobTimeline timeline;
    private long journalRead;

    JobIndex(StateStore store, Path journal) {
        this.store = store;
        this.journal = journal;
        load();
    }

    /** Reads every job file of the directory: once at start, and again if the journal was replaced. */
    private synchronized void load() {
        journalRead = journalSize();
        jobs.clear();
        visible.clear();
        timeline = null;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(store.batchesDir(), "*.json")) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (name.indexOf('.') == name.length() - 5) {
                    refresh(name.substring(0, name.length() - 5));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + store.batchesDir(), e);
        }
    }

    /** The job {@code id} (deleted or not) as its file now holds it, or null if there is none. */
    synchronized JobFacts get(String id) {
        if (!ID.matcher(id).matches()) {
            return null;
        }
        sync();
        Entry e = refresh(id);
        return e == null ? null : e.facts();
    }

    /** Every job, deleted ones included. */
    synchronized List<JobFacts> all() {
        sync();
        List<JobFacts> out = new ArrayList<>(jobs.size());
        jobs.values().forEach(e -> out.add(e.facts()));
        return out;
    }

    /** The processing history of every job (recomputed only after a change other than a new job). */
    synchronized JobTimeline timeline() {
        sync();
        if (timeline == null) {
            List<JobFacts> facts = new ArrayList<>(jobs.size());
            jobs.values().forEach(e -> facts.add(e.facts()));
            timeline = JobTimeline.of(facts);
        }
        return timeline;
    }

    /** One page of visible jobs, newest first, and whether more follow. */
    record Slice(List<JobFacts> items, boolean more) {}

    /**
     * Up to {@code size} jobs not deleted whose sort key is below {@code after} (all when null), newest first;
     * each is checked against its file, so only jobs of the page that changed are read again.
     */
    synchronized Slice page(String after, int size) {
        sync();
        NavigableMap<String, JobFacts> below = after == null ? visible.descendingMap()
                : visible.headMap(after, false).descendingMap();
        List<String> ids = new ArrayList<>(size + 1);
        for (JobFacts f : below.values()) {
            ids.add(f.id());
            if (ids.size() > size) {
                break;
            }
        }
        boolean more = ids.size() > size;
        List<JobFacts> items = new ArrayList<>(size);
        for (String id : more ? ids.subList(0, size) : ids) {
            Entry e = refresh(id);
            if (e != null && !e.facts().deleted()) {
                items.add(e.facts());
            }
        }
        return new Slice(items, more);
    }

    /**
     * Records that this process wrote {@code f} to its file, holding the directory's lock: the index takes it
     * without reading it back, and the journal tells the other emulators on the directory.
     */
    synchronized void written(JobFacts f) {
        BasicFileAttributes a = attributes(store.jobFacts(f.id()));
        if (a != null) {
            put(f, a);
        }
        byte[] line = ("\n" + f.id() + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            Files.write(journal, line, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + journal, e);
        }
    }

    /** Applies the journal lines other writers appended since the last look (complete lines only). */
    private void sync() {
        long size = journalSize();
        if (size < journalRead) {
            load();
            return;
        }
        if (size == journalRead) {
            return;
        }
        byte[] bytes;
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(size - journalRead, 1 << 24));
            long pos = journalRead;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, pos);
                if (n < 0) {
                    break;
                }
                pos += n;
            }
            bytes = java.util.Arrays.copyOf(buf.array(), buf.position());
        } catch (NoSuchFileException e) {
            load();
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + journal, e);
        }
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        journalRead += end;
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                String id = new String(bytes, start, i - start, StandardCharsets.US_ASCII);
                start = i + 1;
                if (!id.isEmpty() && ID.matcher(id).matches()) {
                    refresh(id);
                }
            }
        }
    }

    /** Brings job {@code id} in line with its file: re-read only if the file changed; null if there is none. */
    private Entry refresh(String id) {
        Path path = store.jobFacts(id);
        BasicFileAttributes a = attributes(path);
        Entry known = jobs.get(id);
        if (a == null) {
            if (known != null) {
                remove(known);
            }
            return null;
        }
        if (known != null && known.sameFile(a)) {
            return known;
        }
        JobFacts f = store.read(path, JobFacts.class);
        if (f == null) {
            if (known != null) {
                remove(known);
            }
            return null;
        }
        return put(f, a);
    }

    private Entry put(JobFacts f, BasicFileAttributes a) {
        Entry e = new Entry(f, a.fileKey(), a.lastModifiedTime(), a.size());
        Entry old = jobs.put(f.id(), e);
        if (old != null) {
            visible.remove(key(old.facts()));
        }
        if (!f.deleted()) {
            visible.put(key(f), f);
        }
        if (timeline != null) {
            if (old == null) {
                timeline = timeline.plus(f);
            } else if (!old.facts().equals(f)) {
                timeline = null;
            }
        }
        return e;
    }

    private void remove(Entry e) {
        jobs.remove(e.facts().id());
        visible.remove(key(e.facts()));
        timeline = null;
    }

    private static String key(JobFacts f) {
        return Pages.sortKey(f.created(), f.id());
    }

    private long journalSize() {
        try {
            return Files.size(journal);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + journal, e);
        }
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}

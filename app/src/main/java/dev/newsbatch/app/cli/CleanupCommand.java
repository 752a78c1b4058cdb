package dev.newsbatch.app.cli;

import dev.newsbatch.Format;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.Batches;
import dev.newsbatch.RunInfo;
import dev.newsbatch.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsbatch cleanup [--yes]}: which files of the batch directory may go and which must stay.
 * Once a run is finished every outcome is in the ledger, so its downloaded result files may go; its
 * request files may go too unless some of its articles failed (a retry resends their request lines
 * from them). The ledger, the files of unfinished runs, the saved {@code results_*.json} and the
 * emulator's state always stay.
 */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Show (or delete, with --yes) the files of finished runs that are no longer needed.",
                "List what in the batch directory may be deleted: the request and downloaded result files of "
                + "finished runs, whose outcomes are all in the ledger (request files stay while a run has "
                + "failed articles, which `newsbatch retry` resends from them); and what must stay: the ledger "
                + "(ledger.db), the files of unfinished runs (needed to resume), results_*.json. Lists by default "
                + "(--dry-run); --yes deletes."},
        footer = {"", "Examples:", "  newsbatch cleanup", "  newsbatch cleanup --yes", "  newsbatch cleanup --json"})
final class CleanupCommand extends BaseCommand {
    @Option(names = "--dry-run", description = "Only list what may be deleted (the default).")
    boolean dryRun;

    @Option(names = "--yes", description = "Delete what may be deleted.")
    boolean yes;

    /** One directory of a run's files, and whether it may go. */
    record Entry(String run, Path path, long bytes, boolean deletable, String why) { }

    @Override
    public Integer call() {
        if (dryRun && yes) {
            throw new IllegalArgumentException("--dry-run and --yes exclude each other, was both");
        }
        if (!Files.isDirectory(dir())) {
            throw new IllegalArgumentException("batch directory " + dir() + " does not exist");
        }
        List<Entry> entries = entries();
        boolean delete = yes;
        long freed = 0;
        if (delete) {
            for (Entry e : entries) {
                if (e.deletable()) {
                    deleteTree(e.path());
                    freed += e.bytes();
                }
            }
        }
        long deletable = entries.stream().filter(Entry::deletable).mapToLong(Entry::bytes).sum();
        if (json()) {
            ObjectNode n = Output.object();
            ArrayNode list = n.putArray("files");
            for (Entry e : entries) {
                list.addObject().put("run_id", e.run()).put("path", e.path().toString()).put("bytes", e.bytes())
                        .put("deletable", e.deletable()).put("reason", e.why());
            }
            n.put("deletable_bytes", deletable);
            n.put("deleted", delete);
            n.put("freed_bytes", freed);
            printJson(n);
            return ExitCode.OK;
        }
        if (entries.isEmpty()) {
            println("Nothing to clean up in " + dir() + ".");
        }
        printGroup(entries, true, delete ? "Deleted:" : "May be deleted:");
        printGroup(entries, false, "Must stay:");
        println("Always kept: " + dir().resolve("ledger.db") + " (every run's state and outcomes), results_*.json, "
                + "locks/ and the emulator's state.");
        if (delete) {
            println("Freed " + size(freed) + ".");
        } else if (deletable > 0) {
            println(size(deletable) + " may be freed. Delete with: newsbatch --dir " + dir() + " cleanup --yes");
        }
        return ExitCode.OK;
    }

    private void printGroup(List<Entry> entries, boolean deletable, String heading) {
        List<Entry> group = entries.stream().filter(e -> e.deletable() == deletable).toList();
        if (group.isEmpty()) {
            return;
        }
        println(heading);
        for (Entry e : group) {
            println(String.format(Locale.ROOT, "  %10s  %s   (%s)", size(e.bytes()), e.path(), e.why()));
        }
    }

    private List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (RunInfo info : Batches.runs(dir())) {
            known.add(info.runId());
            RunStatus s = Batches.resumeRecorded(info.runId(), dir()).state();
            Path requests = dir().resolve("requests").resolve(info.runId());
            Path results = dir().resolve("results").resolve(info.runId());
            if (!s.isFinished()) {
                add(out, info.runId(), requests, false, "run " + s.state() + ": needed to resume");
                add(out, info.runId(), results, false, "run " + s.state() + ": needed to resume");
                continue;
            }
            add(out, info.runId(), results, true, "run finished; outcomes are in the ledger");
            if (s.failed() > 0) {
                add(out, info.runId(), requests, false, Format.plural(s.failed(), "failed article")
                        + "; `newsbatch retry " + info.runId() + "` resends them from here");
            } else {
                add(out, info.runId(), requests, true, "run finished with no failed article");
            }
        }
        for (String area : List.of("requests", "results")) {
            for (Path p : children(dir().resolve(area))) {
                if (!known.contains(p.getFileName().toString())) {
                    add(out, p.getFileName().toString(), p, false, "no run of this name in the ledger; left alone");
                }
            }
        }
        return out;
    }

    private static void add(List<Entry> out, String run, Path path, boolean deletable, String why) {
        if (Files.exists(path)) {
            out.add(new Entry(run, path, bytes(path), deletable, why));
        }
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long bytes(Path path) {
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path path) {
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}

package dev.newsbatch.ingest;

import dev.newsbatch.InputProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one input file in the order they are found. */
final class ProblemLog {
    private final Path file;
    private final List<InputProblem> problems = new ArrayList<>();

    ProblemLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void add(long line, long index, String field, String message) {
        problems.add(new InputProblem(file, line, index, field, message));
    }

    int size() {
        return problems.size();
    }

    /** Every problem, by line (stable: problems on one line keep the order they were found in). */
    List<InputProblem> all() {
        List<InputProblem> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparingLong(p -> p.line() < 1 ? Long.MAX_VALUE : p.line()));
        return List.copyOf(sorted);
    }
}

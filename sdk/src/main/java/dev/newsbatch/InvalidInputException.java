package dev.newsbatch;

import java.util.List;

/**
 * Thrown when an input file has problems; carries all of them, not only the first.
 *
 * <pre>{@code
 * try {
 *     ArticleFiles.readAll(Path.of("articles.jsonl"));
 * } catch (InvalidInputException e) {
 *     e.problems().forEach(System.err::println);  // articles.jsonl line 17: field "contents" is missing
 * }
 * }</pre>
 *
 * The message lists at most {@value #LISTED} problems, then {@code ... and N more}.
 */
public final class InvalidInputException extends NewsbatchException {
    private static final long serialVersionUID = 1L;

    /** How many problems the message lists before summarising the rest. */
    public static final int LISTED = 50;

    private final transient List<InputProblem> problems;

    /** @throws IllegalArgumentException if {@code problems} is empty */
    public InvalidInputException(List<InputProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order. */
    public List<InputProblem> problems() {
        return problems;
    }

    private static String describe(List<InputProblem> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty, was " + problems);
        }
        StringBuilder s = new StringBuilder();
        s.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems")
                .append(" in ").append(problems.get(0).fileShown()).append(':');
        for (int i = 0; i < Math.min(LISTED, problems.size()); i++) {
            s.append("\n  ").append(problems.get(i));
        }
        if (problems.size() > LISTED) {
            s.append("\n  ... and ").append(problems.size() - LISTED).append(" more");
        }
        return s.toString();
    }
}

package dev.newsbatch;

/**
 * The base of every exception newsbatch throws on purpose: invalid input, a run or job that is not
 * there, a job not finished yet, or a Gemini call that failed. Catch it to handle them all at once;
 * argument mistakes in code (a blank model name, a negative batch size) stay
 * {@link IllegalArgumentException}s.
 *
 * <pre>{@code
 * try {
 *     Batches.from(Path.of("articles.jsonl")).submit();
 * } catch (InvalidInputException e) {
 *     e.problems().forEach(System.out::println);     // file, line, field, what was expected
 * } catch (NewsbatchException e) {
 *     System.out.println(e.getMessage());
 * }
 * }</pre>
 */
public abstract class NewsbatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected NewsbatchException(String message) {
        super(message);
    }

    protected NewsbatchException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.newsbatch.internal;

import dev.newsbatch.ErrorKind;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule that names what a Gemini answer is when it is not a plain success, from its
 * {@code finishReason}, {@code promptFeedback.blockReason} and text; used for batch result lines
 * and real-time answers alike.
 *
 * <pre>{@code
 * AnswerCheck.problem("MAX_TOKENS", null, "{\"is_fin");   // TRUNCATED
 * AnswerCheck.problem("STOP", null, "{...}");              // empty: a success so far
 * }</pre>
 */
public final class AnswerCheck {
    private static final Set<String> SAFETY = Set.of("SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII",
            "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT");
    private static final Set<String> FINE = Set.of("STOP", "FINISH_REASON_UNSPECIFIED", "");

    private AnswerCheck() {}

    /** Why an answer is not usable. */
    public record Problem(ErrorKind kind, String message) {}

    /**
     * The problem of an answer, or empty when it finished normally with text.
     *
     * @param finishReason the candidate's finish reason, or null when there is no candidate
     * @param blockReason  the prompt's block reason, or null
     * @param text         the visible answer text (thought parts excluded), or null
     */
    public static Optional<Problem> problem(String finishReason, String blockReason, CharSequence text) {
        String finish = finishReason == null ? "" : finishReason.toUpperCase(Locale.ROOT);
        boolean empty = blank(text);
        if (blockReason != null && !blockReason.isBlank() && !blockReason.endsWith("UNSPECIFIED")) {
            return Optional.of(new Problem(ErrorKind.PROMPT_BLOCKED, "the prompt was blocked: " + blockReason));
        }
        if (finish.equals("MAX_TOKENS")) {
            return Optional.of(new Problem(ErrorKind.TRUNCATED, "the answer was cut at the output limit "
                    + "(MAX_TOKENS; thinking counts against it): lower the thinking or raise the limit"));
        }
        if (SAFETY.contains(finish)) {
            return Optional.of(new Problem(ErrorKind.SAFETY, "the answer was stopped by the safety filters ("
                    + finish + ")"));
        }
        if (finish.equals("RECITATION")) {
            return Optional.of(new Problem(ErrorKind.RECITATION, "the answer was stopped for recitation"));
        }
        if (!FINE.contains(finish)) {
            return Optional.of(new Problem(ErrorKind.OTHER_FINISH, "the model stopped: " + finish));
        }
        if (empty) {
            return Optional.of(new Problem(ErrorKind.EMPTY_ANSWER, finishReason == null
                    ? "no answer (no candidates)" : "an empty answer (" + finish + ")"));
        }
        return Optional.empty();
    }

    /** Null, or only whitespace as {@link String#isBlank} sees it. */
    private static boolean blank(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

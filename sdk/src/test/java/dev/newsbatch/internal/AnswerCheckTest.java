package dev.newsbatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.ErrorKind;
import org.junit.jupiter.api.Test;

/** Every way an answer can end is named, and whether it is sent again is decided by its kind. */
class AnswerCheckTest {
    static ErrorKind kind(String finish, String block, String text) {
        return AnswerCheck.problem(finish, block, text).map(AnswerCheck.Problem::kind).orElse(null);
    }

    @Test
    void eachFinishReasonHasItsOwnKind() {
        assertEquals(null, kind("STOP", null, "{}"));
        assertEquals(ErrorKind.TRUNCATED, kind("MAX_TOKENS", null, "{\"is_fin"));
        assertEquals(ErrorKind.TRUNCATED, kind("MAX_TOKENS", null, ""));
        assertEquals(ErrorKind.SAFETY, kind("SAFETY", null, ""));
        assertEquals(ErrorKind.SAFETY, kind("PROHIBITED_CONTENT", null, ""));
        assertEquals(ErrorKind.RECITATION, kind("RECITATION", null, ""));
        assertEquals(ErrorKind.PROMPT_BLOCKED, kind(null, "SAFETY", null));
        assertEquals(ErrorKind.PROMPT_BLOCKED, kind(null, "OTHER", null));
        assertEquals(ErrorKind.OTHER_FINISH, kind("OTHER", null, "{}"));
        assertEquals(ErrorKind.EMPTY_ANSWER, kind("STOP", null, ""));
        assertEquals(ErrorKind.EMPTY_ANSWER, kind(null, null, null));
    }

    @Test
    void whatWouldBePaidForAgainWithTheSameResultIsNotRetried() {
        assertFalse(ErrorKind.TRUNCATED.isRetryable());
        assertFalse(ErrorKind.SAFETY.isRetryable());
        assertFalse(ErrorKind.RECITATION.isRetryable());
        assertFalse(ErrorKind.PROMPT_BLOCKED.isRetryable());
        assertTrue(ErrorKind.OTHER_FINISH.isRetryable());
        assertTrue(ErrorKind.EMPTY_ANSWER.isRetryable());
    }
}

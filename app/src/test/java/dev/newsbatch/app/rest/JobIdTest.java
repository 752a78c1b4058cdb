package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The status route's job id check, against the rule it states as a regular expression. */
class JobIdTest {
    private static final Pattern RULE = Pattern.compile("batches/[A-Za-z0-9_-]{1,128}");

    @Test
    void edgesOfTheRule() {
        assertTrue(BatchEndpoints.isJobId("batches/a"));
        assertTrue(BatchEndpoints.isJobId("batches/" + "x".repeat(128)));
        assertTrue(BatchEndpoints.isJobId("batches/Az09_-"));
        assertFalse(BatchEndpoints.isJobId("batches/"));
        assertFalse(BatchEndpoints.isJobId("batches/" + "x".repeat(129)));
        assertFalse(BatchEndpoints.isJobId("batches/a/b"));
        assertFalse(BatchEndpoints.isJobId("batches/a.b"));
        assertFalse(BatchEndpoints.isJobId("batches/é"));
        assertFalse(BatchEndpoints.isJobId("batches/a\u0000"));
        assertFalse(BatchEndpoints.isJobId("Batches/abc"));
        assertFalse(BatchEndpoints.isJobId("jobs/123"));
        assertFalse(BatchEndpoints.isJobId(""));
    }

    @Test
    void randomIdsAreJudgedAsTheRuleJudgesThem() {
        Random random = new Random(7);
        String alphabet = "aZ09_-./:é\u0000 \uD83D\uDE00";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder(random.nextInt(10) == 0 ? "batche/" : "batches/");
            int n = random.nextInt(10) == 0 ? 120 + random.nextInt(20) : random.nextInt(6);
            for (int k = 0; k < n; k++) {
                b.append(random.nextInt(8) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : 'k');
            }
            ids.add(b.toString());
        }
        for (String id : ids) {
            assertEquals(RULE.matcher(id).matches(), BatchEndpoints.isJobId(id), id);
        }
    }
}

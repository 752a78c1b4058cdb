package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link Jobs#isGeminiJobId}, against the rule it states as a regular expression. */
class JobIdTest {
    private static final Pattern RULE = Pattern.compile("batches/[A-Za-z0-9_-]{1,128}");

    @Test
    void edgesOfTheRule() {
        assertTrue(Jobs.isGeminiJobId("batches/a"));
        assertTrue(Jobs.isGeminiJobId("batches/" + "x".repeat(128)));
        assertTrue(Jobs.isGeminiJobId("batches/Az09_-"));
        assertFalse(Jobs.isGeminiJobId("batches/"));
        assertFalse(Jobs.isGeminiJobId("batches/" + "x".repeat(129)));
        assertFalse(Jobs.isGeminiJobId("batches/a/b"));
        assertFalse(Jobs.isGeminiJobId("batches/a.b"));
        assertFalse(Jobs.isGeminiJobId("batches/é"));
        assertFalse(Jobs.isGeminiJobId("batches/a\u0000"));
        assertFalse(Jobs.isGeminiJobId("Batches/abc"));
        assertFalse(Jobs.isGeminiJobId("jobs/123"));
        assertFalse(Jobs.isGeminiJobId(""));
        assertFalse(Jobs.isGeminiJobId(null));
        assertFalse(Jobs.isGeminiJobId("projects/p/locations/l/batchPredictionJobs/1"));
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
            assertEquals(RULE.matcher(id).matches(), Jobs.isGeminiJobId(id), id);
        }
    }
}

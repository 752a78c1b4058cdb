package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsbatch.schema.NewsClassification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Results#toString()}: the bounded text table JShell and notebooks show as plain text. */
class ResultsTableTest {
    @Test
    void longResultsShowTheFirstAndLastFiveRowsThenTheFooter() {
        List<String> lines = results(12).toString().lines().toList();
        assertEquals("Results[sample]", lines.get(0));
        assertTrue(lines.get(1).startsWith("id    is_financial sector"), lines.get(1));
        assertTrue(lines.get(2).matches("-+( -+){5}"), lines.get(2));
        List<String> ids = lines.subList(3, 14).stream().map(l -> l.split(" ")[0]).toList();
        assertEquals(List.of("id-0", "id-1", "id-2", "id-3", "id-4", "...", "id-7", "id-8", "id-9", "id-10",
                "id-11"), ids);
        assertEquals("12 rows x 6 columns", lines.get(14));
        assertEquals("1,200 input + 240 output tokens, $0.0123", lines.get(15));
    }

    @Test
    void shortResultsShowEveryRowWithoutAGap() {
        String text = results(3).toString();
        assertFalse(text.contains("..."), text);
        assertTrue(text.contains("\nid-2 "), text);
        assertTrue(text.contains("\n3 rows x 6 columns\n"), text);
        assertTrue(results(1).toString().contains("\n1 row x 6 columns\n"));
    }

    @Test
    void longValuesAreCutAtThirtyCharacters() {
        String text = results(1).toString();
        assertTrue(text.contains("Bosphorus Bank; Northwind Ene…"), text);
        assertFalse(text.contains("Atlas"), text);
    }

    private static Results<NewsClassification> results(int n) {
        List<Row<NewsClassification>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NewsClassification c = new NewsClassification("Title " + i, "Yes", List.of("Energy"),
                    List.of("Bosphorus Bank", "Northwind Energy", "Atlas Motors"), "Positive", 7, "Summary", "Özet");
            rows.add(new Row<>("id-" + i, "Title " + i, null, c, 100, 20));
        }
        return new Results<>("sample", Batches.newsSchema(), rows, List.of(), new Usage(100L * n, 20L * n, 0.0123));
    }
}

package dev.newsbatch.display;

import dev.newsbatch.Batches;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.ItemError;
import dev.newsbatch.Results;
import dev.newsbatch.Row;
import dev.newsbatch.Usage;
import dev.newsbatch.schema.NewsClassification;
import java.util.ArrayList;
import java.util.List;

/** Result sets built in memory, for rendering tests. */
public final class SampleResults {
    private static final String[] SENTIMENTS = {"Positive", "Neutral", "Negative"};

    private SampleResults() {}

    /** {@code n} rows cycling through sentiments, two sectors and three companies, plus {@code errors} errors. */
    public static Results<NewsClassification> of(int n, int errors) {
        List<Row<NewsClassification>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NewsClassification c = new NewsClassification("Title " + i, i % 4 == 0 ? "No" : "Yes",
                    List.of(i % 2 == 0 ? "Energy" : "Banking & Finance"),
                    List.of(List.of("Bosphorus Bank", "Northwind Energy", "Atlas Motors").get(i % 3)),
                    SENTIMENTS[i % 3], i % 11, "Summary " + i, "Özet " + i);
            rows.add(new Row<>("id-" + i, "Title <" + i + ">", null, c, 100, 20));
        }
        List<ItemError> failed = new ArrayList<>();
        for (int i = 0; i < errors; i++) {
            failed.add(new ItemError("bad-" + i, "Bad " + i, null, ErrorKind.SCHEMA_VIOLATION, "missing sentiment", 3));
        }
        return new Results<>("sample", Batches.newsSchema(), rows, failed, new Usage(100L * n, 20L * n, 0.0123));
    }
}

import dev.newsbatch.Batches;
import dev.newsbatch.ItemError;
import dev.newsbatch.Results;
import dev.newsbatch.Row;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Fetches news pages, extracts their article text and classifies it. Pages that cannot be fetched
 * are reported as errors, not lost.
 *
 * <pre>{@code
 * java -cp notebook/target/newsbatch-notebook-all.jar examples/FromUrls.java BATCH_DIR URL...
 * }</pre>
 */
public class FromUrls {
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "batch_jobs");
        List<String> urls = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("https://www.reuters.com/business/", "https://www.bbc.com/news/business");
        Results<NewsClassification> results;
        try {
            results = Batches.fromUrls(urls)
                    .name("from-urls")
                    .directory(dir)
                    .pollInterval(Duration.ofMillis(200))
                    .submit()
                    .await()
                    .collect();
        } catch (UnsupportedOperationException e) {
            System.out.println("Fetching URLs is not available in this version of newsbatch: " + e.getMessage());
            return;
        }
        for (Row<NewsClassification> row : results.rows()) {
            System.out.println(row.url() + " -> " + row.value().sentiment() + " " + row.value().companies());
        }
        for (ItemError error : results.errors()) {
            System.out.println(error.url() + " -> " + error.kind() + ": " + error.message());
        }
    }
}

import dev.newsbatch.Article;
import dev.newsbatch.BatchRun;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.Batches;
import dev.newsbatch.Estimate;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Estimates and runs a large batch in waves under the tier's enqueued-token quota, with progress,
 * then prints the summary. Default: 12,000 generated articles.
 *
 * <pre>{@code
 * java -cp notebook/target/newsbatch-notebook-all.jar examples/LargeBatch.java [BATCH_DIR] [ARTICLES]
 * }</pre>
 */
public class LargeBatch {
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "batch_jobs");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 12_000;
        String[] companies = {"Bosphorus Bank", "Northwind Energy", "Kestrel Airlines", "Atlas Motors"};
        List<Article> articles = IntStream.range(0, n).mapToObj(i -> Article.of(
                String.format("gen-%05d", i), companies[i % companies.length] + " reports results",
                companies[i % companies.length] + " reported quarterly results; revenue rose " + (i % 20)
                        + "% and the shares moved in early trading.")).toList();

        BatchSpec<NewsClassification> spec = Batches.from(articles)
                .tier1()
                .waves()
                .name("large-batch")
                .directory(dir)
                .pollInterval(Duration.ofMillis(200));
        Estimate estimate = spec.estimate();
        System.out.println(estimate.report());

        BatchRun<NewsClassification> run = spec.submit().await();
        System.out.println(run.state());
        System.out.println(run.collect().summary().render());
    }
}

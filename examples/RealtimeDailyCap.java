import dev.newsbatch.Article;
import dev.newsbatch.BatchRun;
import dev.newsbatch.Batches;
import dev.newsbatch.ErrorKind;
import dev.newsbatch.Results;
import dev.newsbatch.RunStatus;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Sends one real-time request per article (full price, no batch job to wait for) under a rate
 * limit and a daily cap; articles beyond the cap are reported as DAILY_CAP errors, to be sent on
 * another day.
 *
 * <pre>{@code
 * java -cp notebook/target/newsbatch-notebook-all.jar examples/RealtimeDailyCap.java [BATCH_DIR] [ARTICLES] [CAP]
 * }</pre>
 */
public class RealtimeDailyCap {
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "batch_jobs");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int cap = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<Article> articles = IntStream.range(0, n).mapToObj(i -> Article.of("rt-" + i,
                "Market update " + i, "Shares of Atlas Motors rose " + i + "% after the carmaker raised its outlook."))
                .toList();

        BatchRun<NewsClassification> run = Batches.from(articles)
                .realtime()
                .rpm(600)
                .dailyCap(cap)
                .name("realtime-capped")
                .directory(dir)
                .submit()
                .await();

        RunStatus status = run.state();
        Results<NewsClassification> results = run.collect();
        long capped = results.errors().stream().filter(e -> e.kind() == ErrorKind.DAILY_CAP).count();
        long waiting = status.articles() - status.done() - status.failed();
        System.out.println(results.size() + " classified, " + (capped + waiting) + " held back by the daily cap of "
                + cap + " (run it again tomorrow: the same name continues the run)");
        System.out.println(results.usage());
    }
}

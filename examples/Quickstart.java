import dev.newsbatch.Article;
import dev.newsbatch.Batches;
import dev.newsbatch.Results;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Classifies three articles and prints the results: the whole fluent chain in one statement.
 *
 * <pre>{@code
 * java -cp notebook/target/newsbatch-notebook-all.jar examples/Quickstart.java [BATCH_DIR]
 * }</pre>
 */
public class Quickstart {
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "batch_jobs");
        List<Article> articles = List.of(
                Article.of("q1", "Bosphorus Bank lifts profit forecast",
                        "Bosphorus Bank raised its full-year profit forecast after net interest income rose 18%."),
                Article.of("q2", "Northwind Energy delays wind farm",
                        "Northwind Energy will delay its offshore wind farm by a year; the shares fell 7%."),
                Article.of("q3", "City opens new library",
                        "The city council opened a new public library with a children's reading room."));

        Results<NewsClassification> results = Batches.from(articles)
                .name("quickstart")
                .directory(dir)
                .pollInterval(Duration.ofMillis(200))
                .submit()
                .await()
                .collect();

        System.out.println(results);
        System.out.println(results.summary().render());
    }
}

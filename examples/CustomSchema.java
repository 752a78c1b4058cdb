import dev.newsbatch.Article;
import dev.newsbatch.Batches;
import dev.newsbatch.Results;
import dev.newsbatch.Row;
import dev.newsbatch.schema.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Classifies articles into your own record: the response schema sent to Gemini is built from the
 * record's components and {@link Field} annotations, and the rows come back typed.
 *
 * <pre>{@code
 * java -cp notebook/target/newsbatch-notebook-all.jar examples/CustomSchema.java [BATCH_DIR]
 * }</pre>
 */
public class CustomSchema {
    /** What we want to know about each article. */
    public record Topic(
            @Field(description = "The article's main topic",
                    values = {"business", "politics", "sports", "technology", "other"}) String topic,
            @Field(description = "How urgent the news is for a trading desk", min = 0, max = 10) int urgency,
            @Field(description = "Places the article mentions") List<String> places) {}

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "batch_jobs");
        List<Article> articles = List.of(
                Article.of("c1", "Vega Semiconductors warns", "Vega Semiconductors Inc in Austin warned that weak "
                        + "smartphone demand will cut third-quarter revenue."),
                Article.of("c2", "Local team wins cup", "The Izmir football club won the national cup on Sunday."),
                Article.of("c3", "Parliament passes budget", "Parliament in Ankara passed next year's budget."));

        Results<Topic> results = Batches.from(articles)
                .classifyInto(Topic.class)
                .name("custom-schema")
                .directory(dir)
                .pollInterval(Duration.ofMillis(200))
                .submit()
                .await()
                .collect();

        for (Row<Topic> row : results.rows()) {
            Topic t = row.value();
            System.out.println(row.id() + ": topic=" + t.topic() + " urgency=" + t.urgency() + " places=" + t.places());
        }
        System.out.println("topics: " + results.counts("topic", 5));
    }
}

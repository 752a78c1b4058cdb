package dev.newsbatch.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.Article;
import dev.newsbatch.BatchRun;
import dev.newsbatch.BatchSpec;
import dev.newsbatch.Batches;
import dev.newsbatch.ItemError;
import dev.newsbatch.Results;
import dev.newsbatch.Row;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbatch classify --title T --text X | --url U | FILE}: a few articles in real time, printed. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify one or a few articles now, in real time, and print the classification.",
                "Classify an article given on the command line (--title and --text), news pages (--url, "
                + "repeatable) or a small file (at most " + ClassifyCommand.MAX_ARTICLES + " articles; `-` reads "
                + "standard input) with one real-time request per article, and print the classifications as "
                + "a table (--json: every field). The answers are kept in the batch directory's ledger like any "
                + "run's, so asking again for the same articles answers from there."},
        footer = {"", "Examples:",
                "  newsbatch classify --title 'Profit up' --text 'Bosphorus Bank profit rose.'",
                "  newsbatch classify --url https://example.com/news/1 --json",
                "  newsbatch classify few.jsonl --model gemini-2.5-flash",
                "  newsbatch classify few.jsonl --schema samples/topic_schema.json"})
final class ClassifyCommand extends BaseCommand {
    /** Most articles one {@code classify} takes; larger files go to {@code submit-contents}. */
    static final int MAX_ARTICLES = 100;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "A small file of articles (.json, .jsonl, .csv; - reads standard input).")
    Path file;

    @Option(names = "--title", paramLabel = "TITLE", description = "The article's title (with --text).")
    String title;

    @Option(names = "--text", paramLabel = "TEXT", description = "The article's text.")
    String text;

    @Option(names = "--id", paramLabel = "ID", defaultValue = "article-1",
            description = "The article's id (with --text; default: ${DEFAULT-VALUE}).")
    String id;

    @Option(names = "--url", paramLabel = "URL", description = "A news page to fetch and classify (repeatable).")
    List<String> urls;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Name of the run the answers are kept under (default: derived from the articles).")
    String name;

    @Mixin
    ArticleInput input;

    @Mixin
    FetchFlags fetching;

    @Mixin
    ModelOptions target;

    @Mixin
    RequestOptions request;

    @Override
    public Integer call() {
        return classify(request.apply(source()));
    }

    private <T extends Record> int classify(BatchSpec<T> articles) {
        BatchSpec<T> spec = target.apply(articles).directory(dir()).realtime();
        if (name != null) {
            spec = spec.name(name);
        }
        BatchRun<T> run = spec.submit();
        run.await(spec.deadline(), s -> { });
        Results<T> results = run.collect();
        if (json()) {
            ObjectNode n = Output.object();
            n.put("run_id", run.id());
            n.put("model", run.spec().model());
            results.rows().forEach(r -> n.withArray("classifications").add(JsonViews.row(r)));
            results.errors().forEach(e -> n.withArray("errors").add(JsonViews.error(e)));
            printJson(n);
        } else if (results.size() == 1 && results.errors().isEmpty()) {
            printOne(results.rows().get(0));
        } else {
            if (results.size() > 0) {
                println(ResultsTable.render(results, ResultsTable.terminalWidth(), MAX_ARTICLES));
            }
            for (ItemError e : results.errors()) {
                println("failed: " + (e.url() == null ? e.id() : e.url()) + ": " + e.kind() + " " + e.message());
            }
        }
        return results.errors().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }

    private BatchSpec<NewsClassification> source() {
        int given = (file != null ? 1 : 0) + (text != null ? 1 : 0) + (urls != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give exactly one of FILE, --text (with --title) or --url, was "
                    + (given == 0 ? "none" : "several"));
        }
        if (title != null && text == null) {
            throw new IllegalArgumentException("--title goes with --text, was --title alone");
        }
        if (urls != null) {
            if (urls.size() > MAX_ARTICLES) {
                throw new IllegalArgumentException("--url: at most " + MAX_ARTICLES + " pages, was " + urls.size()
                        + "; use `newsbatch submit URLS.txt --name N` for more");
            }
            return Batches.fromUrls(urls, fetching.options());
        }
        if (text != null) {
            return Batches.from(new Article(id, title == null ? "" : title, text, null));
        }
        List<Article> articles = Batches.read(input.path(file));
        if (articles.size() > MAX_ARTICLES) {
            throw new IllegalArgumentException(file + " holds " + articles.size() + " articles, classify takes at most "
                    + MAX_ARTICLES + "; use `newsbatch submit-contents " + file + " --name N` for a file this size");
        }
        return Batches.from(articles);
    }

    private void printOne(Row<?> r) {
        println("Article:    " + r.id() + (r.title() == null || r.title().isEmpty() ? "" : "  " + r.title()));
        if (!(r.value() instanceof NewsClassification c)) {
            com.fasterxml.jackson.databind.JsonNode v = Output.JSON.valueToTree(r.value());
            v.fields().forEachRemaining(e -> println(String.format(java.util.Locale.ROOT, "%-11s %s",
                    e.getKey() + ":", e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString())));
            return;
        }
        println("Financial:  " + c.isFinancial());
        println("Sentiment:  " + c.sentiment() + " (confidence " + c.confidentScore() + " of 10)");
        println("Sectors:    " + String.join(", ", c.sector()));
        println("Companies:  " + String.join(", ", c.companies()));
        println("Summary:    " + c.summaryEn());
        if (c.summaryTr() != null && !c.summaryTr().isBlank()) {
            println("Summary TR: " + c.summaryTr());
        }
    }
}

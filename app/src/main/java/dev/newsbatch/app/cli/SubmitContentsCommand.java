package dev.newsbatch.app.cli;

import dev.newsbatch.Batches;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code newsbatch submit-contents FILE --name N [--wait]}: classify articles from a file with the Batch API. */
@Command(name = "submit-contents", mixinStandardHelpOptions = true,
        description = {"Classify articles from a file (JSON, JSONL or CSV) as batch jobs.",
                "The file is a JSON array of {id,title,contents}, JSONL of the same objects, or CSV with a header.",
                "The run is named by --name; submitting again with the same name continues that run "
                        + "(nothing is sent twice)."},
        footer = {"", "Examples:", "  newsbatch submit-contents samples/batch_contents.json --name demo --wait",
                "  cat articles.jsonl | newsbatch submit-contents - --name piped --wait",
                "  newsbatch submit-contents in.json --name t --schema samples/topic_schema.json",
                "  newsbatch submit-contents bq://my-proj.news.items --columns id=sid --name bq"})
final class SubmitContentsCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The articles: .json, .jsonl or .csv; - reads "
            + "standard input; bq://project.dataset.table reads a BigQuery table (see --columns).")
    String file;

    @Mixin
    NamedSubmission submission;

    @Mixin
    ArticleInput input;

    @Override
    public Integer call() {
        return submission.submit(this, input.spec(file));
    }
}

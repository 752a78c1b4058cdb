package dev.newsbatch.app.cli;

import dev.newsbatch.Format;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.Batches;
import dev.newsbatch.Jobs;
import dev.newsbatch.Results;
import dev.newsbatch.Row;
import dev.newsbatch.schema.NewsClassification;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbatch results JOB_ID NAME [--show-preview]}: download a job's results and summarise them. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = {"Download a finished job's results, save and summarise them.",
                "Download the results of a finished batch job, write results_NAME.json in the batch directory "
                + "and print the summary: financial count, sentiment breakdown, top companies."},
        footer = {"", "Examples:", "  newsbatch results batches/abc123 demo --show-preview",
                "  newsbatch results demo   (the whole run)"})
final class ResultsCommand extends BaseCommand {
    private static final String SAFE_NAME = "[A-Za-z0-9_.-]{1,64}";

    @Parameters(index = "0", paramLabel = "JOB_ID", description = "The job id (batches/...), or a run's name.")
    String jobId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME",
            description = "Names the file results_NAME.json (default: the job's run). Under the run's own name the "
                    + "file holds the whole run, never one job of it.")
    String name;

    @Option(names = "--show-preview", description = "Also print the first classified articles.")
    boolean preview;

    @Option(names = "--preview-rows", paramLabel = "N", defaultValue = "3",
            description = "Articles in the preview (default: ${DEFAULT-VALUE}).")
    int previewRows;

    @Override
    public Integer call() {
        if (name != null && (!name.matches(SAFE_NAME) || name.startsWith("."))) {
            throw new IllegalArgumentException("NAME must be 1-64 letters, digits, '_', '.' or '-', was \"" + name
                    + "\"");
        }
        boolean ofRun = !jobId.startsWith("batches/");
        Results<NewsClassification> results = ofRun
                ? Batches.resume(jobId, dir(), NewsClassification.class).collect() : Jobs.results(jobId, dir());
        String fileName = name == null ? results.name() : name;
        Results<NewsClassification> saved = ofRun || !fileName.equals(results.name()) ? results
                : Batches.resume(results.name(), dir(), NewsClassification.class).collect();
        Path file = saved.toJson(dir().resolve("results_" + fileName + ".json"));
        if (json()) {
            ObjectNode n = Output.object();
            n.put("job_id", jobId);
            n.put("run_id", results.name());
            n.put("results_file", file.toString());
            n.put("total_count", results.size());
            n.set("summary", JsonViews.summary(results.summary()));
            if (preview) {
                n.setAll(JsonViews.preview(results, previewRows));
            }
            printJson(n);
        } else {
            println("Results of " + jobId + " (run " + results.name() + "): " + Format.count(results.size())
                    + " classified, " + Format.count(results.errors().size()) + " failed");
            println("Saved to " + file);
            println("");
            println(results.summary().render());
            if (preview) {
                printPreview(results);
            }
        }
        return results.errors().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }

    private void printPreview(Results<NewsClassification> results) {
        println("");
        println("Preview:");
        for (Row<NewsClassification> r : results.rows().stream().limit(previewRows).toList()) {
            NewsClassification c = r.value();
            println("  " + r.id() + "  " + r.title());
            println("    financial: " + c.isFinancial() + "  sentiment: " + c.sentiment() + "  confidence: "
                    + c.confidentScore() + "  companies: " + c.companies());
            println("    " + c.summaryEn());
        }
    }
}

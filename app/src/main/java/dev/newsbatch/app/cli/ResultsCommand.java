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

/** {@code newsbatch results RUN|JOB_ID [NAME]}: a run's (or job's) results: saved, shown, exported. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = {"Show, save and export the results of a run or of one finished job.",
                "With a run's name: the whole run's results as a table (id, financial, sentiment, confidence, "
                + "sectors, companies, summary cut to the terminal width, COLUMNS; for a run with --schema, the id "
                + "and the schema's fields), then the summary. With a job "
                + "id (batches/...): download that job's results and print their summary. Either way "
                + "results_NAME.json is written in the batch directory; --csv, --jsonl and --parquet export the rows too."},
        footer = {"", "Examples:", "  newsbatch results demo",
                "  newsbatch results demo --csv demo.csv --jsonl demo.jsonl",
                "  newsbatch results demo --parquet demo.parquet",
                "  newsbatch results archive --bigquery bq://my-project.news.classified",
                "  newsbatch results batches/abc123 demo --show-preview"})
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

    @Option(names = "--rows", paramLabel = "N", defaultValue = "20",
            description = "Rows of the table of a run's results; first and last halves when there are more "
                    + "(default: ${DEFAULT-VALUE}).")
    int tableRows;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the rows to FILE as CSV (one line an "
            + "article, lists joined with '; '; with a run's --schema, arrays and objects as JSON text).")
    Path csv;

    @Option(names = "--jsonl", paramLabel = "FILE", description = "Also write the rows to FILE as JSON Lines.")
    Path jsonl;

    @Option(names = "--parquet", paramLabel = "FILE", description = "Also write the rows to FILE as Parquet "
            + "(typed columns; lists as lists of strings).")
    Path parquet;

    @Option(names = "--bigquery", paramLabel = "TABLE", description = "Also write the rows to the BigQuery table "
            + "bq://project.dataset.table (typed columns as with --parquet; the table is replaced whole, so "
            + "writing it again never doubles a row; the dataset must exist).")
    String bigQuery;

    @Override
    public Integer call() {
        if (tableRows < 1) {
            throw new IllegalArgumentException("--rows must be at least 1, was " + tableRows);
        }
        if (name != null && (!name.matches(SAFE_NAME) || name.startsWith("."))) {
            throw new IllegalArgumentException("NAME must be 1-64 letters, digits, '_', '.' or '-', was \"" + name
                    + "\"");
        }
        ExportTarget.check("--csv", csv);
        ExportTarget.check("--jsonl", jsonl);
        ExportTarget.check("--parquet", parquet);
        dev.newsbatch.BigQueryTable table = bigQuery == null ? null : dev.newsbatch.BigQueryTable.parse(bigQuery);
        boolean ofRun = !jobId.startsWith("batches/");
        Results<?> results = ofRun
                ? Batches.resumeRecorded(jobId, dir()).collect() : Jobs.resultsAsRecorded(jobId, dir());
        String fileName = name == null ? results.name() : name;
        Results<?> saved = ofRun || !fileName.equals(results.name()) ? results
                : Batches.resumeRecorded(results.name(), dir()).collect();
        Path file = saved.toJson(dir().resolve("results_" + fileName + ".json"));
        Path csvFile = csv == null ? null : results.toCsv(csv);
        Path jsonlFile = jsonl == null ? null : results.toJsonl(jsonl);
        Path parquetFile = parquet == null ? null : results.toParquet(parquet);
        long bigQueryRows = table == null ? -1 : results.toBigQuery(table.uri());
        if (json()) {
            ObjectNode n = Output.object();
            n.put("job_id", jobId);
            n.put("run_id", results.name());
            n.put("results_file", file.toString());
            n.put("total_count", results.size());
            n.put("failed_count", results.errors().size());
            if (csvFile != null) {
                n.put("csv_file", csvFile.toString());
            }
            if (jsonlFile != null) {
                n.put("jsonl_file", jsonlFile.toString());
            }
            if (parquetFile != null) {
                n.put("parquet_file", parquetFile.toString());
            }
            if (table != null) {
                n.put("bigquery_table", table.uri());
                n.put("bigquery_rows", bigQueryRows);
            }
            if (ofRun) {
                results.rows().forEach(r -> n.withArray("rows").add(JsonViews.row(r)));
                results.errors().forEach(e -> n.withArray("errors").add(JsonViews.error(e)));
            }
            n.set("summary", ResultsSummary.json(results));
            if (preview) {
                n.setAll(JsonViews.preview(results, previewRows));
            }
            printJson(n);
        } else {
            println("Results of " + (ofRun ? "run " + jobId : jobId + " (run " + results.name() + ")") + ": "
                    + Format.count(results.size()) + " classified, " + Format.count(results.errors().size())
                    + " failed");
            println("Saved to " + file);
            if (csvFile != null) {
                println("CSV:      " + csvFile);
            }
            if (jsonlFile != null) {
                println("JSONL:    " + jsonlFile);
            }
            if (parquetFile != null) {
                println("Parquet:  " + parquetFile);
            }
            if (table != null) {
                println("BigQuery: " + table.uri() + " (" + Format.count(bigQueryRows) + " rows)");
            }
            if (ofRun && results.size() > 0) {
                println(ResultsTable.render(results, ResultsTable.terminalWidth(), tableRows));
            }
            println("");
            println(ResultsSummary.render(results));
            if (preview) {
                printPreview(results);
            }
        }
        return results.errors().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }

    private void printPreview(Results<?> results) {
        println("");
        println("Preview:");
        for (Row<?> r : results.rows().stream().limit(previewRows).toList()) {
            if (!(r.value() instanceof NewsClassification c)) {
                println("  " + r.id() + "  " + r.title());
                println("    " + r.value());
                continue;
            }
            println("  " + r.id() + "  " + r.title());
            println("    financial: " + c.isFinancial() + "  sentiment: " + c.sentiment() + "  confidence: "
                    + c.confidentScore() + "  companies: " + c.companies());
            println("    " + c.summaryEn());
        }
    }
}

package dev.newsbatch.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.Batches;
import dev.newsbatch.Estimate;
import dev.newsbatch.Estimator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbatch estimate FILE}: tokens, batches, waves and cost before anything is sent. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = {"Estimate tokens, batch jobs and cost without calling Gemini.",
                "Estimate tokens, batch jobs, waves, time and cost (Batch API and real-time) for a file of "
                + "articles, without calling Gemini. With --input-tokens/--output-tokens every article counts "
                + "those fixed figures."},
        footer = {"", "Examples:", "  newsbatch estimate samples/batch_contents.json --tier tier1",
                "  newsbatch estimate articles.jsonl --input-tokens 2800 --output-tokens 150",
                "  newsbatch estimate articles.jsonl --thinking minimal --spend-per-month 50",
                "  newsbatch estimate in.json --schema samples/topic_schema.json",
                "  cat articles.csv | newsbatch estimate - --format csv"})
final class EstimateCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The articles: .json, .jsonl or .csv; - reads "
            + "standard input; bq://project.dataset.table reads a BigQuery table (see --columns).")
    String file;

    @Mixin
    ModelOptions target;

    @Mixin
    ArticleInput input;

    @Mixin
    RequestOptions request;

    @Option(names = "--input-tokens", paramLabel = "N", description = "Fixed input tokens per article.")
    Long inputTokens;

    @Option(names = "--output-tokens", paramLabel = "N", description = "Fixed output tokens per article.")
    Long outputTokens;

    @Option(names = "--exact", description = "Count input tokens exactly with Gemini's countTokens (slower, free).")
    boolean exact;

    @Override
    public Integer call() {
        var spec = request.apply(target.apply(input.spec(file))).directory(dir()).estimator(estimator());
        Estimate e = spec.estimate();
        if (json()) {
            printJson(estimateJson(e));
        } else {
            println(e.report());
        }
        return ExitCode.OK;
    }

    private Estimator estimator() {
        if (inputTokens == null && outputTokens == null) {
            return exact ? Estimator.exact() : Estimator.calibrated();
        }
        if (inputTokens == null || outputTokens == null) {
            throw new IllegalArgumentException("--input-tokens and --output-tokens go together, was "
                    + (inputTokens == null ? "--output-tokens only" : "--input-tokens only"));
        }
        if (inputTokens < 1 || outputTokens < 0) {
            throw new IllegalArgumentException("--input-tokens must be >= 1 and --output-tokens >= 0, was "
                    + inputTokens + "/" + outputTokens);
        }
        return Estimator.fixed(inputTokens, outputTokens);
    }

    private static ObjectNode estimateJson(Estimate e) {
        ObjectNode n = Output.object();
        n.put("articles", e.articles()).put("model", e.model()).put("tier", e.tier()).put("estimator", e.estimator());
        n.put("input_tokens", e.inputTokens()).put("output_tokens", e.outputTokens());
        n.put("thinking_tokens", e.thinkingTokens()).put("thinking", e.thinking());
        n.put("batches", e.batches()).put("waves", e.waves());
        n.put("batch_usd", round(e.batchUsd())).put("realtime_usd", round(e.realtimeUsd()));
        n.put("flex_usd", Double.isNaN(e.flexUsd()) ? null : round(e.flexUsd()));
        e.warnings().forEach(w -> n.withArray("warnings").add(w));
        return n;
    }

    private static double round(double usd) {
        return Math.round(usd * 1e6) / 1e6;
    }
}

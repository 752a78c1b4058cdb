package dev.newsbatch.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.Batches;
import dev.newsbatch.Estimate;
import dev.newsbatch.ingest.ArticleFiles;
import dev.newsbatch.ingest.ArticleStream;
import dev.newsbatch.plan.Plan;
import dev.newsbatch.plan.Planner;
import dev.newsbatch.plan.TokenEstimator;
import java.nio.file.Path;
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
                "  newsbatch estimate articles.jsonl --model gemini-2.5-flash --input-tokens 2800 --output-tokens 150"})
final class EstimateCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The articles: .json, .jsonl or .csv.")
    Path file;

    @Mixin
    ModelOptions target;

    @Option(names = "--input-tokens", paramLabel = "N", description = "Fixed input tokens per article.")
    Long inputTokens;

    @Option(names = "--output-tokens", paramLabel = "N", description = "Fixed output tokens per article.")
    Long outputTokens;

    @Option(names = "--exact", description = "Count input tokens exactly with Gemini's countTokens (slower, free).")
    boolean exact;

    @Override
    public Integer call() {
        Estimate e = null;
        Plan plan = null;
        if (inputTokens == null && outputTokens == null) {
            var spec = Batches.from(file).model(target.model).tier(target.tier).directory(dir());
            e = exact ? spec.estimateExact() : spec.estimate();
        } else {
            plan = fixedPlan();
        }
        if (json()) {
            printJson(e != null ? estimateJson(e) : planJson(plan));
        } else {
            println(e != null ? e.report() : plan.report());
        }
        return ExitCode.OK;
    }

    private Plan fixedPlan() {
        if (inputTokens == null || outputTokens == null) {
            throw new IllegalArgumentException("--input-tokens and --output-tokens go together, was "
                    + (inputTokens == null ? "--output-tokens only" : "--input-tokens only"));
        }
        if (inputTokens < 1 || outputTokens < 0) {
            throw new IllegalArgumentException("--input-tokens must be >= 1 and --output-tokens >= 0, was "
                    + inputTokens + "/" + outputTokens);
        }
        Batches.from(file).tier(target.tier); // checks the file (every problem listed) and the tier name
        try (ArticleStream articles = ArticleFiles.stream(file)) {
            return Planner.forModel(target.model).tier(target.tier).estimator(TokenEstimator.fixed(inputTokens, outputTokens))
                    .plan(articles.iterator());
        }
    }

    private static ObjectNode estimateJson(Estimate e) {
        ObjectNode n = Output.object();
        n.put("articles", e.articles()).put("model", e.model()).put("tier", e.tier()).put("estimator", e.estimator());
        n.put("input_tokens", e.inputTokens()).put("output_tokens", e.outputTokens());
        n.put("batches", e.batches()).put("waves", e.waves());
        n.put("batch_usd", round(e.batchUsd())).put("realtime_usd", round(e.realtimeUsd()));
        e.warnings().forEach(w -> n.withArray("warnings").add(w));
        return n;
    }

    private static ObjectNode planJson(Plan p) {
        ObjectNode n = Output.object();
        n.put("articles", p.articles()).put("model", p.model()).put("tier", p.tier()).put("estimator", p.estimator());
        n.put("input_tokens", p.inputTokens()).put("output_tokens", p.outputTokens());
        n.put("batches", p.batches().size()).put("waves", p.waves().size());
        n.put("batch_usd", round(p.batchCostUsd())).put("realtime_usd", round(p.realtimeCostUsd()));
        p.warnings().forEach(w -> n.withArray("warnings").add(w));
        return n;
    }

    private static double round(double usd) {
        return Math.round(usd * 1e6) / 1e6;
    }
}

package dev.newsbatch.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbatch.Count;
import dev.newsbatch.Format;
import dev.newsbatch.Results;
import dev.newsbatch.Usage;
import dev.newsbatch.schema.NewsClassification;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The summary printed under a run's results: the news summary (financial, sentiment, sectors, companies)
 * for the news schema; for any other schema the counts, the value counts of each field with allowed
 * values ({@code enum}), and the usage.
 *
 * <pre>{@code
 * println(ResultsSummary.render(results));
 * n.set("summary", ResultsSummary.json(results));
 * }</pre>
 */
final class ResultsSummary {
    /** Most values of one field shown in the terminal. */
    private static final int SHOWN = 8;

    private ResultsSummary() {}

    /** True when the rows are of the news schema. */
    static boolean isNews(Results<?> results) {
        return results.schema().type() == NewsClassification.class;
    }

    /** A few lines for a terminal. */
    static String render(Results<?> results) {
        if (isNews(results)) {
            return results.summary().render();
        }
        int classified = results.size();
        int failed = results.errors().size();
        StringBuilder out = new StringBuilder();
        out.append("Articles:    ").append(Format.count(classified + failed)).append(" (").append(Format.count(classified))
                .append(" classified, ").append(Format.count(failed)).append(" failed)\n");
        for (Map.Entry<String, List<Count>> e : results.enumCounts().entrySet()) {
            List<Count> counts = e.getValue();
            out.append(String.format("%-12s ", e.getKey() + ":")).append(counts.stream().limit(SHOWN)
                    .map(c -> c.name() + " " + Format.count(c.count())).collect(Collectors.joining(", ")))
                    .append(counts.size() > SHOWN ? ", …" : "").append('\n');
        }
        out.append("Usage:       ").append(results.usage());
        return out.toString();
    }

    /** The {@code summary} object of {@code --json} output. */
    static ObjectNode json(Results<?> results) {
        if (isNews(results)) {
            return JsonViews.summary(results.summary());
        }
        ObjectNode n = Output.object();
        n.put("articles", results.size() + results.errors().size());
        n.put("classified", results.size());
        n.put("failed", results.errors().size());
        ObjectNode fields = n.putObject("field_counts");
        results.enumCounts().forEach((field, counts) -> {
            ObjectNode f = fields.putObject(field);
            counts.forEach(c -> f.put(c.name(), c.count()));
        });
        Usage u = results.usage();
        n.putObject("usage").put("input_tokens", u.inputTokens()).put("output_tokens", u.outputTokens())
                .put("thinking_tokens", u.thinkingTokens()).put("cost_usd", Format.usdJson(u.costUsd()));
        return n;
    }
}

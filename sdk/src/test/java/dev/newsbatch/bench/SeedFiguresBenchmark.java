package dev.newsbatch.bench;

import dev.newsbatch.Article;
import dev.newsbatch.Batches;
import dev.newsbatch.Estimate;
import dev.newsbatch.RunConfig;
import dev.newsbatch.Thinking;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The headline figures: 12,000 articles of 9,000 characters, estimated on the default model and on
 * gemini-2.5-flash, with the least thinking and with the model's own default, on tier 1 with a 10M
 * enqueued-token limit. Planning only; nothing is sent. Prints one Markdown table row per case.
 *
 * <pre>
 * mvn -B -o -q dependency:build-classpath -pl sdk -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp "$(cat cp.txt):sdk/target/classes:sdk/target/test-classes" dev.newsbatch.bench.SeedFiguresBenchmark
 * </pre>
 */
public final class SeedFiguresBenchmark {
    private SeedFiguresBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Article> articles = articles(12_000, 9_000);
        Path dir = BenchDirs.create("seed-figures");
        List<String> results = new ArrayList<>();
        long t0 = System.nanoTime();
        for (String model : List.of(RunConfig.DEFAULT_MODEL, "gemini-2.5-flash")) {
            for (Thinking t : List.of(Thinking.least(), Thinking.modelDefault())) {
                Estimate e = Batches.from(articles).directory(dir).model(model).thinking(t).tier1()
                        .enqueuedTokens(10_000_000).estimate();
                System.out.printf(Locale.ROOT, "| %s, %s (%s) | %,d | %,d (%,d) | $%,.2f | $%,.2f |%n", model, t,
                        e.thinking(), e.inputTokens(), e.outputTokens(), e.thinkingTokens(), e.batchUsd(),
                        e.realtimeUsd());
                results.add(String.format(Locale.ROOT, "seed-figures-%s-%s-batch %.2f usd (goal none, a figure)",
                        model, t, e.batchUsd()));
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        results.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "seed-figures-estimate-time %.2f s (goal <= 10, four estimates of 12,000 "
                + "articles)%n", secs);
    }

    /** {@code n} articles of about {@code chars} characters of English news prose. */
    static List<Article> articles(int n, int chars) {
        String[] sentences = {
            "The central bank raised its benchmark rate by a quarter point on Tuesday. ",
            "Shares of the largest lenders rose after the announcement, while bond yields fell. ",
            "Analysts said the move had been widely expected after months of stubborn inflation. ",
            "The company reported quarterly revenue above forecasts and raised its outlook for the year. ",
            "Officials warned that growth could slow as exports weaken and consumer demand softens. ",
        };
        List<Article> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder(chars + 100);
            for (int k = i; text.length() < chars; k++) {
                text.append(sentences[k % sentences.length]);
            }
            text.setLength(chars);
            out.add(Article.of("a" + i, "Markets move on rate decision " + i, text.toString()));
        }
        return out;
    }
}

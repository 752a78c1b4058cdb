package dev.newsbatch.display;

import dev.newsbatch.internal.Checks;
import dev.newsbatch.Count;
import dev.newsbatch.Estimate;
import dev.newsbatch.Results;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bar charts of results and estimates, drawn as PNG images with Java2D (headless; no display or
 * installed fonts needed). Each factory returns a {@link Chart} value.
 *
 * <pre>{@code
 * Charts.sentiment(results).save(Path.of("sentiment.png"));
 * Charts.sectors(results);                       // the ten most frequent sectors
 * Charts.companies(results, 15);
 * Charts.costByMode(spec.estimate());            // Batch API against real-time
 * }</pre>
 */
public final class Charts {
    /** Bar colour of single-series charts. */
    static final Color BLUE = new Color(0x1E, 0x88, 0xE5);
    /** Colour of Batch API bars. */
    static final Color BATCH = new Color(0x43, 0xA0, 0x47);
    /** Colour of real-time bars. */
    static final Color REALTIME = new Color(0xFB, 0x8C, 0x00);
    private static final Map<String, Color> SENTIMENT_COLOURS = Map.of(
            "Positive", new Color(0x43, 0xA0, 0x47), "Neutral", new Color(0x9E, 0x9E, 0x9E),
            "Negative", new Color(0xE5, 0x39, 0x35));

    private Charts() {}

    /** Articles by sentiment: Positive, Neutral, Negative (then any other value). */
    public static Chart sentiment(Results<?> results) {
        Checks.notNull(results, "results");
        Map<String, Long> counts = results.bySentiment();
        List<String> labels = new ArrayList<>();
        for (String s : List.of("Positive", "Neutral", "Negative")) {
            if (counts.containsKey(s)) {
                labels.add(s);
            }
        }
        counts.keySet().stream().filter(k -> !labels.contains(k)).forEach(labels::add);
        List<Double> values = labels.stream().map(l -> (double) counts.get(l)).toList();
        List<Color> colours = labels.stream().map(l -> SENTIMENT_COLOURS.getOrDefault(l, BLUE)).toList();
        return BarChart.single("Sentiment of " + articles(results.size()), labels, values, BLUE, colours,
                Charts::count).render();
    }

    /** The ten most frequent sectors. */
    public static Chart sectors(Results<?> results) {
        return sectors(results, 10);
    }

    /** The {@code n} most frequent sectors (an article may count for several). */
    public static Chart sectors(Results<?> results, int n) {
        Checks.notNull(results, "results");
        Checks.atLeast(n, 1, "n");
        List<Count> top = results.topSectors(n);
        return counts("Top " + top.size() + " sectors of " + articles(results.size()), top);
    }

    /** The ten most frequently named companies. */
    public static Chart companies(Results<?> results) {
        return companies(results, 10);
    }

    /** The {@code n} most frequently named companies. */
    public static Chart companies(Results<?> results, int n) {
        Checks.notNull(results, "results");
        Checks.atLeast(n, 1, "n");
        List<Count> top = results.topCompanies(n);
        return counts("Top " + top.size() + " companies in " + articles(results.size()), top);
    }

    /**
     * The {@code n} most frequent values of any field of the rows, by its JSON name; lists count
     * each element. Works for custom schemas too.
     */
    public static Chart field(Results<?> results, String jsonField, int n) {
        Checks.notNull(results, "results");
        Checks.notBlank(jsonField, "jsonField");
        Checks.atLeast(n, 1, "n");
        return counts(jsonField + " of " + articles(results.size()), results.counts(jsonField, n));
    }

    /** One estimate's cost with the Batch API against real-time calls. */
    public static Chart costByMode(Estimate estimate) {
        Checks.notNull(estimate, "estimate");
        String title = String.format(Locale.ROOT, "Cost by mode: %s, %s, %s", articles(estimate.articles()),
                estimate.model(), estimate.tier());
        return BarChart.single(title, List.of("Batch API", "Real-time"),
                List.of(estimate.batchUsd(), estimate.realtimeUsd()), BLUE, List.of(BATCH, REALTIME),
                Html::usd).render();
    }

    /**
     * Several estimates' cost with the Batch API and in real time, side by side under their labels
     * (e.g. {@code "10k flash"}, {@code "10k flash-lite"}), in the map's order.
     */
    public static Chart costByMode(Map<String, Estimate> estimates) {
        Checks.notNull(estimates, "estimates");
        List<String> labels = new ArrayList<>(estimates.keySet());
        List<Double> batch = labels.stream().map(l -> estimates.get(l).batchUsd()).toList();
        List<Double> realtime = labels.stream().map(l -> estimates.get(l).realtimeUsd()).toList();
        return BarChart.grouped("Cost by mode", labels, List.of(new BarChart.Series("Batch API", BATCH, batch),
                new BarChart.Series("Real-time", REALTIME, realtime)), Html::usd).render();
    }

    /** A chart of labelled counts, in the list's order. */
    public static Chart counts(String title, List<Count> counts) {
        Checks.notBlank(title, "title");
        Checks.notNull(counts, "counts");
        Map<String, Double> values = new LinkedHashMap<>();
        counts.forEach(c -> values.put(c.name(), (double) c.count()));
        return bars(title, values);
    }

    /** A chart of labelled values, in the map's order. */
    public static Chart bars(String title, Map<String, ? extends Number> values) {
        Checks.notBlank(title, "title");
        Checks.notNull(values, "values");
        List<String> labels = new ArrayList<>(values.keySet());
        List<Double> numbers = labels.stream().map(l -> values.get(l).doubleValue()).toList();
        boolean whole = numbers.stream().allMatch(v -> v == Math.rint(v));
        return BarChart.single(title, labels, numbers, BLUE, null,
                whole ? Charts::count : v -> String.format(Locale.ROOT, "%,.2f", v)).render();
    }

    private static String count(double v) {
        return String.format(Locale.ROOT, "%,d", (long) v);
    }

    private static String articles(long n) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "article" : "articles");
    }
}

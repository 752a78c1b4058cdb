package dev.newsbatch.display;

import dev.newsbatch.Format;
import dev.newsbatch.Count;
import dev.newsbatch.Estimate;
import dev.newsbatch.Results;
import dev.newsbatch.internal.Checks;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleFunction;

/**
 * Bar charts of results and estimates as {@link Chart} values: vector drawings (SVG) with a title,
 * axis names, grid lines and the value at the end of every bar, in the data's natural order.
 *
 * <pre>{@code
 * Charts.sentiment(results);                     // Negative, Neutral, Positive
 * Charts.confidence(results);                    // confident_score 0..10, in score order
 * Charts.sectors(results);                       // the ten most frequent sectors
 * Charts.companies(results, 15);
 * Charts.costByMode(spec.estimate());            // Batch API against real-time
 * Charts.costByMode(bySize);                     // several estimates, smallest first, log scale if wide
 * Charts.sentiment(results).save(Path.of("sentiment.svg"));
 * }</pre>
 */
public final class Charts {
    /** Bar colour of single-series charts. */
    static final Color BLUE = new Color(0x3A, 0x6E, 0xA5);
    /** Colour of Batch API bars. */
    static final Color BATCH = new Color(0x3A, 0x6E, 0xA5);
    /** Colour of real-time bars. */
    static final Color REALTIME = new Color(0xE0, 0x7B, 0x10);
    static final Color NEGATIVE = new Color(0xC8, 0x3E, 0x3E);
    static final Color NEUTRAL = new Color(0x8A, 0x93, 0x9B);
    static final Color POSITIVE = new Color(0x2E, 0x8B, 0x57);
    /** Costs spanning at least this factor are drawn on a log scale. */
    static final double LOG_SPREAD = 10;
    private static final List<String> SENTIMENTS = List.of("Negative", "Neutral", "Positive");
    private static final Map<String, Color> SENTIMENT_COLOURS = Map.of(
            "Negative", NEGATIVE, "Neutral", NEUTRAL, "Positive", POSITIVE);

    private Charts() {}

    /** Articles by sentiment: Negative, Neutral, Positive (each even at zero), then any other value. */
    public static Chart sentiment(Results<?> results) {
        Checks.notNull(results, "results");
        Map<String, Long> counts = new LinkedHashMap<>();
        SENTIMENTS.forEach(s -> counts.put(s, 0L));
        results.bySentiment().forEach((k, v) -> {
            String key = SENTIMENTS.stream().filter(s -> s.equalsIgnoreCase(k.trim())).findFirst().orElse(k);
            counts.merge(key, v, Long::sum);
        });
        List<String> labels = new ArrayList<>(counts.keySet());
        List<Double> values = labels.stream().map(l -> (double) counts.get(l)).toList();
        List<Color> colours = labels.stream().map(l -> SENTIMENT_COLOURS.getOrDefault(l, BLUE)).toList();
        return BarChart.single("Sentiment of " + articles(results.size()), "Sentiment", "Articles", labels, values,
                BLUE, colours, Charts::count, true).render();
    }

    /**
     * Classifications by {@code confident_score}, every score from 0 to 10 in score order (zeros
     * included), then any value outside that range in numeric order.
     */
    public static Chart confidence(Results<?> results) {
        Checks.notNull(results, "results");
        TreeMap<Double, Long> byScore = new TreeMap<>();
        for (int s = 0; s <= 10; s++) {
            byScore.put((double) s, 0L);
        }
        Map<String, Long> labelled = new LinkedHashMap<>();
        for (Count c : results.counts("confident_score", Integer.MAX_VALUE)) {
            Double score = parse(c.name());
            if (score == null) {
                labelled.merge(c.name(), c.count(), Long::sum);
            } else {
                byScore.merge(score, c.count(), Long::sum);
            }
        }
        Map<String, Long> ordered = new LinkedHashMap<>();
        byScore.forEach((k, v) -> ordered.put(k == Math.rint(k) ? Long.toString(k.longValue()) : BarChart.number(k), v));
        ordered.putAll(labelled);
        List<String> labels = new ArrayList<>(ordered.keySet());
        return BarChart.single("Confidence scores of " + plural(results.size(), "classification"),
                "confident_score (0 to 10)", "Classifications", labels,
                labels.stream().map(l -> (double) ordered.get(l)).toList(), BLUE, null, Charts::count, true).render();
    }

    /** The ten most frequent sectors. */
    public static Chart sectors(Results<?> results) {
        return sectors(results, 10);
    }

    /** The {@code n} most frequent sectors (an article may count for several), most frequent first. */
    public static Chart sectors(Results<?> results, int n) {
        Checks.notNull(results, "results");
        Checks.atLeast(n, 1, "n");
        List<Count> top = results.topSectors(n);
        return counts("Top " + top.size() + " sectors of " + articles(results.size()), "Sector", "Articles", top);
    }

    /** The ten most frequently named companies. */
    public static Chart companies(Results<?> results) {
        return companies(results, 10);
    }

    /** The {@code n} most frequently named companies, most frequent first. */
    public static Chart companies(Results<?> results, int n) {
        Checks.notNull(results, "results");
        Checks.atLeast(n, 1, "n");
        List<Count> top = results.topCompanies(n);
        return counts("Top " + top.size() + " companies in " + articles(results.size()), "Company", "Articles",
                top);
    }

    /**
     * The {@code n} most frequent values of any field of the rows, by its JSON name; lists count
     * each element. Works for custom schemas too. Numeric values (scores, years) are shown in
     * numeric order, others most frequent first.
     */
    public static Chart field(Results<?> results, String jsonField, int n) {
        Checks.notNull(results, "results");
        Checks.notBlank(jsonField, "jsonField");
        Checks.atLeast(n, 1, "n");
        List<Count> top = new ArrayList<>(results.counts(jsonField, n));
        if (!top.isEmpty() && top.stream().allMatch(c -> parse(c.name()) != null)) {
            top.sort(Comparator.comparingDouble(c -> parse(c.name())));
        }
        return counts(jsonField + " of " + articles(results.size()), jsonField, "Articles", top);
    }

    /** One estimate's cost with the Batch API against real-time calls, on a linear scale from $0. */
    public static Chart costByMode(Estimate estimate) {
        Checks.notNull(estimate, "estimate");
        String title = String.format(Locale.ROOT, "Cost by mode: %s, %s, %s", articles(estimate.articles()),
                estimate.model(), estimate.tier());
        return BarChart.single(title, "Mode", "Estimated cost (USD)", List.of("Batch API", "Real-time"),
                List.of(estimate.batchUsd(), estimate.realtimeUsd()), BLUE, List.of(BATCH, REALTIME),
                Html::usd, false).render();
    }

    /**
     * Several estimates' cost with the Batch API and in real time, side by side under their labels
     * (e.g. {@code "10k flash"}, {@code "10k flash-lite"}): smallest batch first (estimates of the
     * same size keep the map's order). When the costs span {@value #LOG_SPREAD} times or more, as they
     * do across batch sizes, the value axis is logarithmic so that small batches stay visible; the
     * labels always show the true amounts.
     */
    public static Chart costByMode(Map<String, Estimate> estimates) {
        Checks.notNull(estimates, "estimates");
        List<String> labels = new ArrayList<>(estimates.keySet());
        labels.sort(Comparator.comparingLong(l -> estimates.get(l).articles()));
        List<Double> batch = labels.stream().map(l -> estimates.get(l).batchUsd()).toList();
        List<Double> realtime = labels.stream().map(l -> estimates.get(l).realtimeUsd()).toList();
        boolean sizes = labels.stream().map(l -> estimates.get(l).articles()).distinct().count() > 1;
        BarChart chart = new BarChart(sizes ? "Cost by mode and batch size" : "Cost by mode",
                sizes ? "Batch size" : "Estimate", "Estimated cost (USD)", labels,
                List.of(new BarChart.Series("Batch API", BATCH, batch),
                        new BarChart.Series("Real-time", REALTIME, realtime)),
                null, Html::usd, BarChart.Scale.LINEAR, false);
        if (chart.spread() >= LOG_SPREAD) {
            chart = new BarChart(chart.title(), chart.categoryAxis(), "Estimated cost (USD, log scale)", labels,
                    chart.series(), null, Html::usd, BarChart.Scale.LOG, false);
        }
        return chart.render();
    }

    /** A chart of labelled counts, in the list's order. */
    public static Chart counts(String title, List<Count> counts) {
        return counts(title, "", "Count", counts);
    }

    /** A chart of labelled counts, in the list's order, with the names of its two axes. */
    public static Chart counts(String title, String categoryAxis, String valueAxis, List<Count> counts) {
        Checks.notBlank(title, "title");
        Checks.notNull(counts, "counts");
        Map<String, Double> values = new LinkedHashMap<>();
        counts.forEach(c -> values.put(c.name(), (double) c.count()));
        return bars(title, categoryAxis, valueAxis, values);
    }

    /** A chart of labelled values, in the map's order, on a linear scale from zero. */
    public static Chart bars(String title, Map<String, ? extends Number> values) {
        return bars(title, "", "", values);
    }

    /**
     * A chart of labelled values, in the map's order, on a linear scale from zero, with the names of
     * its category axis (above the labels) and value axis (under the ticks); either may be empty.
     */
    public static Chart bars(String title, String categoryAxis, String valueAxis,
                             Map<String, ? extends Number> values) {
        Checks.notBlank(title, "title");
        Checks.notNull(categoryAxis, "categoryAxis");
        Checks.notNull(valueAxis, "valueAxis");
        Checks.notNull(values, "values");
        List<String> labels = new ArrayList<>(values.keySet());
        List<Double> numbers = labels.stream().map(l -> Checks.notNull(values.get(l), "value of " + l).doubleValue())
                .toList();
        boolean whole = numbers.stream().allMatch(v -> v == Math.rint(v));
        DoubleFunction<String> format = whole ? Charts::count : BarChart::number;
        return BarChart.single(title, categoryAxis, valueAxis, labels, numbers, BLUE, null, format, whole).render();
    }

    private static Double parse(String s) {
        try {
            double d = Double.parseDouble(s.trim());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String count(double v) {
        return Format.count((long) v);
    }

    private static String articles(long n) {
        return plural(n, "article");
    }

    private static String plural(long n, String noun) {
        return Format.plural(n, noun);
    }
}

package dev.newsbatch;

import java.util.List;
import java.util.Map;

/**
 * The headline figures of a result set: how many were classified, how many are financial news,
 * the sentiment breakdown and the most frequent sectors and companies.
 *
 * <pre>{@code
 * Summary s = results.summary();
 * System.out.println(s.financial() + " of " + s.classified() + " are financial news");
 * }</pre>
 *
 * @param articles     all articles of the run
 * @param classified   articles with a classification
 * @param failed       articles without one
 * @param financial    classified articles with {@code is_financial = "Yes"}
 * @param sentiment    classified articles by sentiment
 * @param topSectors   the ten most frequent sectors
 * @param topCompanies the ten most frequent companies
 * @param usage        tokens and cost
 */
public record Summary(long articles, long classified, long failed, long financial, Map<String, Long> sentiment,
                      List<Count> topSectors, List<Count> topCompanies, Usage usage) {
    public Summary {
        sentiment = Map.copyOf(sentiment);
        topSectors = List.copyOf(topSectors);
        topCompanies = List.copyOf(topCompanies);
    }

    /** A few lines for a terminal. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Articles:    ").append(Format.count(articles)).append(" (").append(Format.count(classified))
                .append(" classified, ").append(Format.count(failed)).append(" failed)\n");
        out.append("Financial:   ").append(Format.count(financial)).append(" of ").append(Format.count(classified))
                .append(" (").append(Format.percent(classified == 0 ? 0.0 : 100.0 * financial / classified))
                .append(")\n");
        out.append("Sentiment:  ");
        for (String s : List.of("Positive", "Neutral", "Negative")) {
            out.append(' ').append(s).append(' ').append(Format.count(sentiment.getOrDefault(s, 0L)));
        }
        out.append('\n');
        out.append("Top sectors: ").append(topSectors.subList(0, Math.min(5, topSectors.size()))).append('\n');
        out.append("Top companies: ").append(topCompanies.subList(0, Math.min(5, topCompanies.size()))).append('\n');
        out.append("Usage:       ").append(usage);
        return out.toString();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(Format.plural(articles, "article") + ": " + Format.count(classified)
                + " classified, " + Format.count(failed) + " failed, " + Format.count(financial) + " financial");
        if (!sentiment.isEmpty()) {
            s.append("; sentiment");
            new java.util.TreeMap<>(sentiment).forEach((k, v) -> s.append(' ').append(k).append(' ').append(Format.count(v)));
        }
        return s.append("; ").append(usage).toString();
    }
}

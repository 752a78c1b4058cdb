package dev.newsbatch.display;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbatch.BatchRun;
import dev.newsbatch.Count;
import dev.newsbatch.Estimate;
import dev.newsbatch.Format;
import dev.newsbatch.ItemError;
import dev.newsbatch.Results;
import dev.newsbatch.Row;
import dev.newsbatch.RunInfo;
import dev.newsbatch.RunMode;
import dev.newsbatch.RunStatus;
import dev.newsbatch.Summary;
import dev.newsbatch.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import dev.newsbatch.internal.TextGrid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * HTML renderings of newsbatch values, as notebooks show them: bounded tables for results, key
 * figures for estimates and summaries, a progress bar for runs. Plain strings, so they can be
 * written to a file or handed to any notebook kernel; every value from the data is escaped.
 *
 * <pre>{@code
 * String table = Html.results(results);              // first and last rows, then "120 rows x 7 columns"
 * Files.writeString(Path.of("estimate.html"), Html.estimate(spec.estimate()));
 * Html.of(anything);                                 // a rendering for any supported value, else empty
 * }</pre>
 */
public final class Html {
    /** Rows shown from the start and from the end of a long result set. */
    static final int EDGE_ROWS = 5;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "<table style=\"border-collapse:collapse;font-size:13px\">";
    private static final String CELL = "<td style=\"padding:2px 8px;border-bottom:1px solid #ddd;text-align:left;"
            + "vertical-align:top\">";
    private static final String HEAD = "<th style=\"padding:2px 8px;border-bottom:2px solid #888;text-align:left\">";
    private static final String NUM = "<td style=\"padding:2px 8px;border-bottom:1px solid #ddd;text-align:right\">";
    private static final String CAPTION = "<div style=\"font-weight:bold;margin:4px 0\">";
    private static final String NOTE = "<div style=\"color:#555;font-size:12px;margin:4px 0\">";
    private static final String NOTICE = "<div style=\"background:#eef4fb;border-left:3px solid #1565c0;"
            + "padding:4px 8px;margin:4px 0;font-size:12px;color:#333\">";
    /** The renderer of each known value type, by class. */
    private static final Map<Class<?>, Function<Object, String>> RENDERERS = renderers();

    private Html() {}

    /**
     * The HTML rendering of a supported value: {@link Results}, {@link Estimate}, {@link RunStatus},
     * {@link BatchRun}, {@link Summary}, {@link Usage}, {@link RunInfo}, {@link Chart}; a non-empty list
     * of runs ({@code Batches.runs()}), errors ({@code results.errors()}), counts
     * ({@code results.topCompanies(10)}) or estimates; a non-empty map of labels to counts
     * ({@code results.bySentiment()}). Empty for anything else (null included). The renderer is
     * looked up by the value's class, then by its superclasses, then by the elements of a list or map.
     */
    public static Optional<String> of(Object value) {
        for (Class<?> c = value == null ? null : value.getClass(); c != null; c = c.getSuperclass()) {
            Function<Object, String> renderer = RENDERERS.get(c);
            if (renderer != null) {
                return Optional.of(renderer.apply(value));
            }
        }
        if (value instanceof List<?> list) {
            return ofList(list);
        }
        if (value instanceof Map<?, ?> map) {
            return ofMap(map);
        }
        return Optional.empty();
    }

    private static Optional<String> ofList(List<?> list) {
        if (list.isEmpty()) {
            return Optional.empty();
        } else if (all(list, RunInfo.class)) {
            return Optional.of(runs(cast(list)));
        } else if (all(list, ItemError.class)) {
            return Optional.of(errors(cast(list)));
        } else if (all(list, Count.class)) {
            return Optional.of(counts(List.<Count>copyOf(cast(list))));
        } else if (all(list, Estimate.class)) {
            return Optional.of(estimates(cast(list)));
        }
        return Optional.empty();
    }

    private static Optional<String> ofMap(Map<?, ?> map) {
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String k) || !(e.getValue() instanceof Long || e.getValue() instanceof Integer)) {
                return Optional.empty();
            }
            counts.put(k, ((Number) e.getValue()).longValue());
        }
        return Optional.of(breakdown(counts));
    }

    private static boolean all(List<?> list, Class<?> type) {
        return list.stream().allMatch(type::isInstance);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<?> list) {
        return (List<T>) list;
    }

    /**
     * The types {@link #of} renders, e.g. for registering them with a notebook kernel; {@link List}
     * and {@link Map} stand for the lists and maps of known values that {@link #of} renders.
     */
    public static Set<Class<?>> types() {
        return RENDERERS.keySet();
    }

    /**
     * A result set as a table: the first and last {@value #EDGE_ROWS} rows with the article id, title
     * and the schema's fields (long texts cut), then the row count, errors and usage.
     */
    public static String results(Results<?> results) {
        List<String> columns = new ArrayList<>(List.of("id", "title"));
        List<String> fields = results.schema().columns().stream().filter(c -> !c.equals("page_title")).toList();
        columns.addAll(fields);
        List<List<String>> cells = new ArrayList<>();
        List<? extends Row<?>> rows = results.rows();
        boolean cut = rows.size() > 2 * EDGE_ROWS;
        for (int i = 0; i < rows.size(); i++) {
            if (cut && i == EDGE_ROWS) {
                List<String> gap = new ArrayList<>();
                columns.forEach(c -> gap.add("…"));
                cells.add(gap);
                i = rows.size() - EDGE_ROWS;
            }
            Row<?> row = rows.get(i);
            JsonNode v = JSON.valueToTree(row.value());
            List<String> line = new ArrayList<>(List.of(row.id(), cut(row.title(), 60)));
            fields.forEach(f -> line.add(cut(text(v.path(f)), 80)));
            cells.add(line);
        }
        StringBuilder out = new StringBuilder("<div>");
        out.append(CAPTION).append("Results ").append(escape(results.name())).append("</div>");
        out.append(table(columns, cells));
        out.append(NOTE).append(Format.plural(rows.size(), "row")).append(" × ").append(Format.plural(columns.size(),
                "column"));
        if (!results.errors().isEmpty()) {
            out.append(" · <span style=\"color:#b00\">").append(Format.plural(results.errors().size(), "error"))
                    .append("</span>");
        }
        if (results.isFiltered()) {
            out.append(" · these rows: ").append(escape(usageText(results.rowsUsage())))
                    .append(" (a share of the run's ").append(escape(usd(results.usage().costUsd())))
                    .append(" by tokens)");
        } else {
            out.append(" · ").append(escape(usageText(results.usage())));
        }
        out.append("</div>");
        if (!results.errors().isEmpty()) {
            out.append(errors(results.errors()));
        }
        return out.append("</div>").toString();
    }

    /** The first ten per-article errors as a table. */
    public static String errors(List<ItemError> errors) {
        List<List<String>> cells = new ArrayList<>();
        for (ItemError e : errors.subList(0, Math.min(10, errors.size()))) {
            cells.add(List.of(e.id(), e.kind().name(), cut(e.message(), 100), Integer.toString(e.attempts())));
        }
        String more = errors.size() > 10 ? NOTE + "… and " + (errors.size() - 10) + " more</div>" : "";
        return table(List.of("id", "error", "message", "attempts"), cells) + more;
    }

    /**
     * An estimate: articles, tokens and thinking, batches and waves (batch modes only), then the cost
     * and time of the Batch API, real-time and Flex calls, with the real-time caveat of a run that
     * takes several days at the daily request limit.
     */
    public static String estimate(Estimate e) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("articles", Format.count(e.articles()));
        facts.put("model", e.model());
        facts.put("tier", e.tier());
        facts.put("mode", e.mode().name().toLowerCase(Locale.ROOT));
        facts.put("tokens", Format.count(e.inputTokens()) + " in + " + Format.count(e.outputTokens()) + " out ("
                + e.estimator() + ")");
        facts.put("thinking", e.thinkingTokens() == 0 ? e.thinking() + ": none assumed"
                : e.thinking() + ": " + Format.count(e.thinkingTokens()) + " tokens assumed (in the output)");
        if (e.mode().isBatch()) {
            facts.put("batches", Format.count(e.batches()) + " in " + Format.plural(e.waves(), "wave") + " (at most "
                    + Format.plural(e.maxPerWave(), "article") + " a wave)");
        }
        facts.put("cost", usd(e.costUsd()) + " (" + e.mode().name().toLowerCase(Locale.ROOT) + ")");
        StringBuilder out = new StringBuilder("<div>");
        out.append(CAPTION).append("Estimate</div>").append(keyValues(facts));
        String realtimeTime = duration(e.realtimeTime()) + realtimeCaveat(e);
        List<List<String>> modes = new ArrayList<>();
        modes.add(List.of("Batch API", usd(e.batchUsd()), e.batchTime() == null ? "unknown" : duration(e.batchTime())));
        modes.add(List.of("Real-time", usd(e.realtimeUsd()), realtimeTime));
        if (!Double.isNaN(e.flexUsd())) {
            modes.add(List.of("Flex", usd(e.flexUsd()), realtimeTime));
        }
        out.append(table(List.of("mode", "cost", "time"), modes));
        out.append(NOTE).append("The Batch API saves ").append(usd(e.savingsUsd())).append(" over real-time calls");
        if (!e.mode().isBatch()) {
            out.append("; this spec sends real-time calls");
        }
        out.append("</div>");
        for (String w : e.warnings()) {
            out.append("<div style=\"color:#b60\">⚠ ").append(escape(w)).append("</div>");
        }
        return out.append("</div>").toString();
    }

    /** The report's "over N days at X RPD" caveat of real-time time, with its leading comma, or "". */
    private static String realtimeCaveat(Estimate e) {
        String report = e.report() == null ? "" : e.report();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(", over [0-9,]+ days at [^\\s]+ RPD").matcher(report);
        return m.find() ? m.group() : "";
    }

    /**
     * Several estimates side by side, one row each, e.g. by model, tier or size; "cost" is in each
     * estimate's own mode, next to its Batch API and real-time costs.
     */
    public static String estimates(List<Estimate> estimates) {
        List<List<String>> cells = new ArrayList<>();
        for (Estimate e : estimates) {
            cells.add(List.of(Format.count(e.articles()), e.model(), e.tier(),
                    e.mode().name().toLowerCase(Locale.ROOT),
                    Format.count(e.inputTokens() + e.outputTokens()),
                    Format.count(e.batches()), Format.count(e.waves()),
                    usd(e.costUsd()), usd(e.batchUsd()), usd(e.realtimeUsd()),
                    e.batchTime() == null ? "unknown" : duration(e.batchTime()), duration(e.realtimeTime())));
        }
        return table(List.of("articles", "model", "tier", "mode", "tokens", "batches", "waves", "cost",
                "batch cost", "real-time cost", "batch time", "real-time time"), cells);
    }

    /** A run's state: a progress bar and its counts. */
    public static String status(RunStatus s) {
        return progress(s.runId() + " (" + s.mode().name().toLowerCase(Locale.ROOT) + ")", s.percent(), statusDetail(s));
    }

    /**
     * A run handle as one line: its id, mode, state and counts, without a bar (the cell that awaited
     * it has drawn the live bar already).
     */
    public static String run(BatchRun<?> run) {
        RunStatus s = run.lastSeen().orElse(null);
        String mode = run.spec().mode().name().toLowerCase(Locale.ROOT);
        if (s == null) {
            return NOTE.replace("color:#555;", "") + "<b>" + escape(run.id()) + "</b> (" + escape(mode) + ", "
                    + escape(run.spec().model()) + ")</div>";
        }
        String colour = s.isFinished() ? "#2e7d32" : "#1565c0";
        return NOTE.replace("color:#555;", "") + "<b>" + escape(run.id()) + "</b> (" + escape(mode) + ") "
                + "<span style=\"color:" + colour + "\">" + Format.percent(clamp(s.percent()))
                + "</span> · " + escape(statusDetail(s)) + "</div>";
    }

    private static String statusDetail(RunStatus s) {
        return Format.state(s.state()) + " · " + s.progress();
    }

    private static double clamp(double percent) {
        return Math.max(0, Math.min(100, Double.isNaN(percent) ? 0 : percent));
    }

    /** The runs of a batch directory ({@code Batches.runs()}), newest first as given, with readable times. */
    public static String runs(List<RunInfo> runs) {
        List<List<String>> cells = new ArrayList<>();
        for (RunInfo r : runs) {
            cells.add(List.of(r.runId(), r.mode().name().toLowerCase(Locale.ROOT), r.model(), r.state(),
                    timestamp(r.createdAt()), timestamp(r.updatedAt())));
        }
        return "<div>" + CAPTION + Format.plural(runs.size(), "run") + "</div>"
                + table(List.of("run", "mode", "model", "state", "created", "updated"), cells) + "</div>";
    }

    /** A time to the minute, e.g. {@code 2026-12-01 10:06 UTC}; empty for null. */
    public static String timestamp(Instant t) {
        return Format.minute(t);
    }

    /** Counts of labels ({@code results.bySentiment()}, {@code bySector()}) with their shares, as given. */
    public static String breakdown(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<List<String>> cells = new ArrayList<>();
        counts.forEach((k, v) -> cells.add(List.of(k, Format.count(v), share(v, total))));
        return table(List.of("value", "count", "share"), cells);
    }

    /** Counted labels ({@code results.topCompanies(10)}, {@code topSectors(10)}), in their order. */
    public static String counts(List<Count> counts) {
        long total = counts.stream().mapToLong(Count::count).sum();
        List<List<String>> cells = new ArrayList<>();
        counts.forEach(c -> cells.add(List.of(c.name(), Format.count(c.count()),
                share(c.count(), total))));
        return table(List.of("name", "count", "share of these"), cells);
    }

    private static String share(long v, long total) {
        return total == 0 ? "" : Format.percent(100.0 * v / total);
    }

    /** A one-line notice from the SDK (e.g. that the embedded emulator is used) as a styled note. */
    public static String notice(String message) {
        String text = message == null ? "" : message;
        String body = text.startsWith("newsbatch: ") ? "<b>newsbatch</b>: " + escape(text.substring(11)) : escape(text);
        return NOTICE + body + "</div>";
    }

    /** A progress bar with a label, the percentage and a detail line. */
    public static String progress(String label, double percent, String detail) {
        double p = Math.max(0, Math.min(100, Double.isNaN(percent) ? 0 : percent));
        String colour = p >= 100 ? "#2e7d32" : "#1565c0";
        return "<div style=\"font-family:sans-serif;font-size:13px;margin:4px 0\">"
                + "<div><b>" + escape(label) + "</b> " + Format.percent(p) + "</div>"
                + "<div style=\"width:360px;height:14px;background:#e0e0e0;border-radius:3px;overflow:hidden\">"
                + "<div style=\"width:" + String.format(Locale.ROOT, "%.1f", p) + "%;height:100%;background:"
                + colour + "\"></div></div>"
                + "<div style=\"color:#555;font-size:12px\">" + escape(detail) + "</div></div>";
    }

    /** The headline figures of a result set. */
    public static String summary(Summary s) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("articles", Format.count(s.articles()) + " (" + Format.count(s.classified()) + " classified, "
                + Format.count(s.failed()) + " failed)");
        facts.put("financial", Format.count(s.financial()) + " of " + Format.count(s.classified()) + " ("
                + Format.percent(s.classified() == 0 ? 0.0 : 100.0 * s.financial() / s.classified()) + ")");
        List<String> sentiment = new ArrayList<>();
        for (String k : List.of("Positive", "Neutral", "Negative")) {
            sentiment.add(k + " " + s.sentiment().getOrDefault(k, 0L));
        }
        facts.put("sentiment", String.join(" · ", sentiment));
        facts.put("top sectors", topCounts(s.topSectors()));
        facts.put("top companies", topCounts(s.topCompanies()));
        facts.put("usage", usageText(s.usage()));
        return "<div>" + CAPTION + "Summary</div>" + keyValues(facts) + "</div>";
    }

    /** Tokens and cost. */
    public static String usage(Usage u) {
        return "<div>" + escape(usageText(u)) + "</div>";
    }

    /** A chart as its inline {@code <svg>} element ({@link Chart#svg()}), text escaped. */
    public static String chart(Chart c) {
        return c.svg();
    }

    /** A plain table: a header row, then one row per list (missing cells stay empty). */
    public static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder(TABLE).append("<thead><tr>");
        headers.forEach(h -> out.append(HEAD).append(escape(h)).append("</th>"));
        out.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int c = 0; c < headers.size(); c++) {
                String v = c < row.size() && row.get(c) != null ? row.get(c) : "";
                out.append(numeric(v) ? NUM : CELL).append(escape(v)).append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table>").toString();
    }

    /** Escapes text for HTML content and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The text of an HTML fragment: tags removed, entities decoded, cells spaced, rows on lines. */
    public static String toText(String html) {
        if (html == null) {
            return "";
        }
        String text = html.replaceAll("(?i)</t[dh]>", "  ").replaceAll("(?i)</tr>|<br\\s*/?>|</div>", "\n")
                .replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.lines().map(String::stripTrailing).filter(l -> !l.isBlank())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static Map<Class<?>, Function<Object, String>> renderers() {
        Map<Class<?>, Function<Object, String>> r = new LinkedHashMap<>();
        put(r, Results.class, Html::results);
        put(r, Estimate.class, Html::estimate);
        put(r, RunStatus.class, Html::status);
        put(r, BatchRun.class, Html::run);
        put(r, RunInfo.class, info -> runs(List.of(info)));
        put(r, Summary.class, Html::summary);
        put(r, Usage.class, Html::usage);
        put(r, Chart.class, Html::chart);
        r.put(List.class, value -> ofList((List<?>) value).orElse(null));
        r.put(Map.class, value -> ofMap((Map<?, ?>) value).orElse(null));
        return Collections.unmodifiableMap(r);
    }

    private static <T> void put(Map<Class<?>, Function<Object, String>> renderers, Class<T> type,
                                Function<? super T, String> renderer) {
        renderers.put(type, value -> renderer.apply(type.cast(value)));
    }

    private static String keyValues(Map<String, String> facts) {
        StringBuilder out = new StringBuilder(TABLE).append("<tbody>");
        facts.forEach((k, v) -> out.append("<tr>").append(HEAD.replace("2px solid #888", "1px solid #ddd"))
                .append(escape(k)).append("</th>").append(CELL).append(escape(v)).append("</td></tr>"));
        return out.append("</tbody></table>").toString();
    }

    private static String topCounts(List<Count> counts) {
        List<String> parts = new ArrayList<>();
        counts.stream().limit(5).forEach(c -> parts.add(c.name() + " " + c.count()));
        return parts.isEmpty() ? "none" : String.join(" · ", parts);
    }

    private static String usageText(Usage u) {
        return u.toString();
    }

    /** Dollars, as {@link Format#usd} writes them. */
    static String usd(double usd) {
        return Format.usd(usd);
    }

    static String duration(Duration d) {
        return Format.duration(d);
    }

    private static boolean numeric(String v) {
        return !v.isEmpty() && v.matches("[$]?[0-9][0-9,.]*( %| s| min| h| days)?");
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        String flat = s.replace('\n', ' ');
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    private static String text(JsonNode v) {
        return TextGrid.cell(v);
    }
}

package dev.newsbatch.ingest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Single-threaded extraction speed: pages per second of {@link ArticleExtractor} and of a bare jsoup
 * {@code parse} + {@code body().text()} on the same pages, and their ratio, on the dev set's pages and on the
 * held-out pages ({@code extraction-other/}, which the extractor is not tuned to), plus the mean F1 on the
 * held-out pages. The two are interleaved page by page, each running first on every other page, and timed in
 * thread CPU time as well as wall time, so that other load on the machine affects both alike. The timed rounds
 * follow a warm-up of {@value #WARMUP_PAGES} pages or more, whose ratio is printed apart. The extractor parses with
 * jsoup parsers lent from a pool ({@link HtmlParsers}); the bare parse is {@code Jsoup.parse}'s, a new parser per
 * page. A last pass on the held-out pages gives the bare parse a pooled parser too, so that the extractor's own
 * work shows apart from the parse's saving ({@code extraction-vs-pooled-parse-held-out}, no goal). The whole
 * measurement runs in {@value #FORKS} fresh JVMs one after another (FORKS), each one's figures printed, and the
 * figures are their medians; with FORKS 1 it runs in this JVM and prints its timings in full.
 *
 * <pre>{@code
 * java ... dev.newsbatch.ingest.ExtractionBenchmarkMain [PAGES_DIR] [ROUNDS] [FORKS]
 * }</pre>
 */
public final class ExtractionBenchmarkMain {
    /**
     * Pages extracted (and parsed bare) before the timed rounds. The extractor has more code for the JIT to compile
     * than the bare parse; on 2 cores its ratio rises through the first ~1,700 pages of the dev set and is level
     * after that, so the timed rounds start past it.
     */
    private static final int WARMUP_PAGES = 2_400;
    /** JVMs the measurement runs in, one after another, when no count is given. */
    private static final int FORKS = 5;

    private static final String PAGES_PER_S = "extraction-pages-per-s";
    private static final String VS_JSOUP = "extraction-vs-jsoup";
    private static final String WARM_UP = "extraction-vs-jsoup-warm-up";
    private static final String HELD_OUT = "extraction-vs-jsoup-held-out";
    private static final String POOLED = "extraction-vs-pooled-parse-held-out";
    private static final String HELD_OUT_F1 = "extraction-held-out-mean-f1";
    /** A figure line: name, value, unit, goal. */
    private static final Pattern FIGURE = Pattern.compile("^([a-z0-9-]+) ([0-9.]+) [^ ]+ \\(goal.*\\)$");
    private static final Pattern WARM_UP_PAGES = Pattern.compile("^" + WARM_UP + " .*first (\\d+) pages");

    private ExtractionBenchmarkMain() {}

    /** The timing of the warm-up and of the timed rounds after it. */
    private record Timings(Timing warmUp, Timing timed) {}

    /** CPU and wall nanoseconds of the bare parse and of the extractor over all timed rounds. */
    private record Timing(int pages, int rounds, long bareCpu, long fullCpu, long bareWall, long fullWall) {
        double ratio() {
            return (double) bareCpu / fullCpu;
        }

        double pagesPerSecond() {
            return (double) rounds * pages / (fullCpu / 1e9);
        }

        void print(String name) {
            double n = (double) rounds * pages;
            System.out.printf(Locale.ROOT, "%s: pages=%d rounds=%d%n", name, pages, rounds);
            System.out.printf(Locale.ROOT, "  cpu:  bare_pages_per_s=%.1f extractor_pages_per_s=%.1f ratio=%.2f%n",
                    n / (bareCpu / 1e9), n / (fullCpu / 1e9), ratio());
            System.out.printf(Locale.ROOT, "  wall: bare_pages_per_s=%.1f extractor_pages_per_s=%.1f ratio=%.2f%n",
                    n / (bareWall / 1e9), n / (fullWall / 1e9), (double) bareWall / fullWall);
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : ExtractionScore.devSet();
        int rounds = args.length > 1 ? count(args[1], "ROUNDS") : 40;
        int forks = args.length > 2 ? count(args[2], "FORKS") : FORKS;
        if (forks == 1) {
            runHere(dir, rounds);
        } else {
            runForked(dir, rounds, forks);
        }
    }

    /** {@code arg} as a whole number of at least 1; else the usage, and exit 2. */
    private static int count(String arg, String name) {
        try {
            int n = Integer.parseInt(arg);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println(name + " must be a whole number of at least 1, not \"" + arg + "\"\n"
                + "usage: ExtractionBenchmarkMain [PAGES_DIR] [ROUNDS] [FORKS]");
        System.exit(2);
        return 0;
    }

    /** Measures in this JVM and prints the timings and the figures. */
    private static void runHere(Path dir, int rounds) throws Exception {
        ArticleExtractor extractor = ArticleExtractor.ofDefaults();
        Path otherDir = ExtractionScore.otherSet();
        List<String> dev = sources(dir);
        List<String> other = sources(otherDir);
        // the held-out pages are small: more rounds give them a comparable amount of work
        int otherRounds = rounds * Math.max(1, (int) (chars(dev) / Math.max(1, chars(other)) / 2));
        Timings devTimings = time(extractor, dev, rounds, false);
        Timing devTiming = devTimings.timed();
        Timing otherTiming = time(extractor, other, otherRounds, false).timed();
        Timing pooledTiming = time(extractor, other, Math.max(1, otherRounds / 2), true).timed();
        devTimings.warmUp().print("dev set, warm-up (JIT compiling, not the figure)");
        devTiming.print("dev set (" + dir + ")");
        otherTiming.print("held-out pages (" + otherDir + ")");
        pooledTiming.print("held-out pages, the bare parse with a pooled parser too");
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put(PAGES_PER_S, devTiming.pagesPerSecond());
        figures.put(VS_JSOUP, devTiming.ratio());
        figures.put(WARM_UP, devTimings.warmUp().ratio());
        figures.put(HELD_OUT, otherTiming.ratio());
        figures.put(POOLED, pooledTiming.ratio());
        printFigures(figures, "", devTimings.warmUp().pages() * devTimings.warmUp().rounds());
        printHeldOutF1(otherDir, extractor);
    }

    /**
     * Runs the measurement in {@code forks} fresh JVMs one after another (with this JVM's options and class path)
     * and prints each one's figures and their medians: how well the JIT compiles the extractor and the bare parse
     * differs from one JVM to the next, by up to 0.04 of the ratio, more than the rounds within one JVM vary.
     */
    private static void runForked(Path dir, int rounds, int forks) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-XX:StartFlightRecording") && !option.startsWith("-agentlib")
                    && !option.startsWith("-javaagent")) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                ExtractionBenchmarkMain.class.getName(), dir.toString(), Integer.toString(rounds), "1"));
        List<Map<String, Double>> runs = new ArrayList<>();
        int warmUpPages = 0;
        for (int f = 1; f <= forks; f++) {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines = out.lines().toList();
            }
            if (process.waitFor() != 0) {
                lines.forEach(System.err::println);
                throw new IllegalStateException("fork " + f + " of the extraction benchmark exited with "
                        + process.exitValue());
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            for (String line : lines) {
                Matcher m = FIGURE.matcher(line);
                if (m.matches() && !m.group(1).equals(HELD_OUT_F1)) {
                    figures.put(m.group(1), Double.parseDouble(m.group(2)));
                }
                Matcher w = WARM_UP_PAGES.matcher(line);
                if (w.find()) {
                    warmUpPages = Integer.parseInt(w.group(1));
                }
            }
            if (!figures.keySet().containsAll(List.of(PAGES_PER_S, VS_JSOUP, WARM_UP, HELD_OUT, POOLED))) {
                lines.forEach(System.err::println);
                throw new IllegalStateException("fork " + f + " of the extraction benchmark printed no figures");
            }
            runs.add(figures);
            StringBuilder line = new StringBuilder("fork " + f + " of " + forks + ":");
            figures.forEach((name, value) -> line.append(' ').append(name).append('=')
                    .append(String.format(Locale.ROOT, name.equals(PAGES_PER_S) ? "%.0f" : "%.3f", value)));
            System.out.println(line);
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        StringBuilder ranges = new StringBuilder();
        for (String name : runs.get(0).keySet()) {
            double[] values = runs.stream().mapToDouble(r -> r.get(name)).sorted().toArray();
            medians.put(name, values.length % 2 == 1 ? values[values.length / 2]
                    : (values[values.length / 2 - 1] + values[values.length / 2]) / 2);
            if (name.equals(VS_JSOUP) || name.equals(HELD_OUT)) {
                ranges.append(String.format(Locale.ROOT, "%s %.3f-%.3f; ", name, values[0],
                        values[values.length - 1]));
            }
        }
        System.out.println("range over the " + forks + " forks: " + ranges.toString().replaceAll("; $", ""));
        printFigures(medians, ", median of " + forks + " JVMs", warmUpPages);
        printHeldOutF1(ExtractionScore.otherSet(), ArticleExtractor.ofDefaults());
    }

    /** The figure lines; {@code how} follows each goal (empty for one JVM). */
    private static void printFigures(Map<String, Double> f, String how, int warmUpPages) {
        System.out.printf(Locale.ROOT, "%s %.0f pages/s (goal >= 300, one thread, CPU time%s)%n", PAGES_PER_S,
                f.get(PAGES_PER_S), how);
        System.out.printf(Locale.ROOT, "%s %.3f ratio (goal >= 0.90, CPU time, dev set%s)%n", VS_JSOUP,
                f.get(VS_JSOUP), how);
        System.out.printf(Locale.ROOT, "%s %.3f ratio (goal none: the dev set's first %d pages, while the JIT "
                + "compiles; not counted above%s)%n", WARM_UP, f.get(WARM_UP), warmUpPages, how);
        System.out.printf(Locale.ROOT, "%s %.3f ratio (goal >= 0.90, CPU time, held-out pages%s)%n", HELD_OUT,
                f.get(HELD_OUT), how);
        System.out.printf(Locale.ROOT, "%s %.3f ratio (goal none: against a bare parse with a pooled parser too, "
                + "the extractor's own work alone%s)%n", POOLED, f.get(POOLED), how);
    }

    private static void printHeldOutF1(Path otherDir, ArticleExtractor extractor) throws Exception {
        ExtractionScore.Summary heldOut = ExtractionScore.score(otherDir, extractor);
        System.out.println("held-out pages: " + heldOut);
        System.out.printf(Locale.ROOT, "%s %.3f f1 (goal >= 0.90)%n", HELD_OUT_F1, heldOut.meanF1());
    }

    private static List<String> sources(Path dir) throws Exception {
        List<String> pages = new ArrayList<>();
        for (Path p : ExtractionScore.pages(dir)) {
            pages.add(Files.readString(p.resolve("source.html"), StandardCharsets.UTF_8));
        }
        return pages;
    }

    private static long chars(List<String> pages) {
        return pages.stream().mapToLong(String::length).sum();
    }

    /**
     * Times {@code rounds} rounds over {@code pages} after a warm-up of at least {@link #WARMUP_PAGES} pages (and a
     * quarter of the rounds); the warm-up's own timing is returned too. Within a round the two alternate which runs
     * first on each page, so that neither always finds the caches as the other left them. With {@code pooledBare}, the
     * bare parse borrows a pooled parser as the extractor does.
     */
    private static Timings time(ArticleExtractor extractor, List<String> pages, int rounds, boolean pooledBare) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long sink = 0;
        // bare CPU, extractor CPU, bare wall, extractor wall
        long[] measured = new long[4];
        long[] warming = new long[4];
        int warmup = Math.max(rounds / 4, (WARMUP_PAGES + pages.size() - 1) / pages.size());
        for (int round = 0; round < rounds + warmup; round++) {
            long[] into = round < warmup ? warming : measured;
            for (int page = 0; page < pages.size(); page++) {
                String html = pages.get(page);
                boolean bareFirst = (round + page) % 2 == 0;
                for (int k = 0; k < 2; k++) {
                    boolean bare = bareFirst == (k == 0);
                    // each starts with the page in the caches, as a page just fetched and decoded is
                    sink += html.indexOf('\u0001');
                    long c0 = cpu.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    sink += bare ? (pooledBare ? HtmlParsers.parse(html, "http://fakehost/")
                            : Jsoup.parse(html, "http://fakehost/")).body().text().length()
                            : extractor.extract(html, "http://fakehost/").contents().length();
                    long c1 = cpu.getCurrentThreadCpuTime();
                    long w1 = System.nanoTime();
                    into[bare ? 0 : 1] += c1 - c0;
                    into[bare ? 2 : 3] += w1 - w0;
                }
            }
        }
        if (sink == 42) {
            System.out.println("(sink)");
        }
        return new Timings(new Timing(pages.size(), warmup, warming[0], warming[1], warming[2], warming[3]),
                new Timing(pages.size(), rounds, measured[0], measured[1], measured[2], measured[3]));
    }
}

package dev.newsbatch.app.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP benchmark tool <a href="https://github.com/wg/wrk">wrk</a>, run as a separate process
 * against one URL, and its report read back: requests per second, p50 and p99 latency, errors (socket
 * errors and answers other than 2xx/3xx). wrk is a benchmark tool only; the build never needs it.
 *
 * <pre>{@code
 * Wrk.Figures f = Wrk.run(url, 2, 50, Duration.ofSeconds(30));
 * }</pre>
 */
final class Wrk {
    /** What to tell a user whose machine has no wrk. */
    static final String INSTALL = "wrk is not installed; install it with `apt-get install -y wrk` (Debian, Ubuntu) "
            + "or `brew install wrk` (macOS), then run the benchmark again";

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m|h)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|75|90|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s|m|h)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private Wrk() {}

    /**
     * One wrk report.
     *
     * @param requests   requests completed
     * @param perSecond  requests per second as wrk computed it
     * @param p50Millis  median latency
     * @param p99Millis  99th percentile latency
     * @param errors     socket errors (connect, read, write, timeout) and non-2xx/3xx answers
     * @param report     wrk's report as printed
     */
    record Figures(long requests, double perSecond, double p50Millis, double p99Millis, long errors, String report) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors",
                    requests, perSecond, p50Millis, p99Millis, errors);
        }
    }

    /** Whether {@code wrk} can be started from the PATH. */
    static boolean installed() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs {@code wrk -tT -cC -dDs --latency url} and reads its report. */
    static Figures run(String url, int threads, int connections, Duration duration)
            throws IOException, InterruptedException {
        List<String> command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", url);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " ended with exit " + exit + ":\n" + out);
        }
        return parse(out);
    }

    /** Reads a wrk report (with {@code --latency}); fails naming what is missing. */
    static Figures parse(String report) {
        Matcher rate = find(RATE, report, "Requests/sec");
        Matcher total = find(TOTAL, report, "N requests in T");
        double p50 = -1;
        double p99 = -1;
        Matcher m = PERCENTILE.matcher(report);
        while (m.find()) {
            double millis = millis(Double.parseDouble(m.group(2)), m.group(3));
            switch (m.group(1)) {
                case "50" -> p50 = millis;
                case "99" -> p99 = millis;
                default -> { }
            }
        }
        if (p50 < 0 || p99 < 0) {
            throw new IllegalArgumentException("the wrk report has no latency distribution (run with --latency):\n"
                    + report);
        }
        long errors = 0;
        Matcher socket = SOCKET.matcher(report);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        Matcher non2xx = NON_2XX.matcher(report);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        return new Figures(Long.parseLong(total.group(1)), Double.parseDouble(rate.group(1)), p50, p99, errors,
                report);
    }

    private static Matcher find(Pattern p, String report, String what) {
        Matcher m = p.matcher(report);
        if (!m.find()) {
            throw new IllegalArgumentException("the wrk report has no \"" + what + "\" line:\n" + report);
        }
        return m;
    }

    private static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            case "h" -> value * 3_600_000;
            default -> throw new IllegalArgumentException("unknown wrk time unit " + unit);
        };
    }
}

package dev.newsbatch.emulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator as a standalone server in the foreground until the process is killed.
 *
 * <pre>{@code
 * java -cp emulator.jar:jackson.jar dev.newsbatch.emulator.EmulatorMain --port 8080 --state ./state \
 *     --fault-rate generateContent=0.1:503 --item-error-rate 0.05
 * # Gemini emulator listening on http://127.0.0.1:8080 (state: /abs/path/state)
 * }</pre>
 */
public final class EmulatorMain {
    static final String USAGE = String.join("\n",
            "Usage: EmulatorMain [options]",
            "  --port N                       TCP port on 127.0.0.1 (default 0: any free port)",
            "  --state DIR                    state directory (default: a temporary directory)",
            "  --api-key K                    accept only this API key (default: any non-empty key)",
            "  --tier T                       quota tier: free, tier1, tier2, tier3 (default tier1)",
            "  --quota KEY=VALUE              override a limit for every model; KEY is rpm, tpm, rpd,",
            "                                 enqueued-tokens, concurrent-jobs, max-file-bytes, max-inline-bytes",
            "  --realistic                    realistic timings (200 tokens/s, 5 min start delay)",
            "  --tokens-per-second X          batch processing speed (default 500000)",
            "  --start-delay-ms N             time a new batch job stays pending at least (default 500)",
            "  --shared-throughput            batch jobs share one processor at the speed, one after another",
            "                                 in creation order (the default)",
            "  --no-shared-throughput         every batch job runs on its own at the speed",
            "  --seed N                       seed of injected faults (default 42)",
            "  --fault-rate ENDPOINT=R[:S]    answer a fraction R of ENDPOINT's requests with HTTP S (default 503);",
            "                                 ENDPOINT is e.g. generateContent, batchGenerateContent, batches.get,",
            "                                 files.upload, files.download, or * for all",
            "  --drop-rate ENDPOINT=R         close the connection of a fraction R of ENDPOINT's requests",
            "  --latency-ms N                 add N ms before every request",
            "  --item-error-rate R            fraction of batch requests that end with an error",
            "  --malformed-line-rate R        fraction of batch result lines written broken",
            "  --job-failure-rate R           fraction of batch jobs that fail",
            "  --fail-next-jobs N             the next N batch jobs fail",
            "  --job-expiry-rate R            fraction of batch jobs that expire",
            "  --expire-next-jobs N           the next N batch jobs expire",
            "  --truncated-download-rate R    fraction of downloads cut off half way",
            "  --blocked-prompt-rate R        fraction of generate requests whose prompt is blocked (by request hash)",
            "  --safety-finish-rate R         fraction of generate requests that stop with finishReason SAFETY",
            "  --recitation-finish-rate R     fraction of generate requests that stop with finishReason RECITATION",
            "  --spend-limit-rate R           fraction of generate requests refused with 429 (spend cap reached)",
            "  --catalog FILE                 model catalogue file (default: the built-in newsbatch catalogue)",
            "  --help                         print this help");

    private EmulatorMain() {}

    public static void main(String[] args) {
        int code = run(args, System.out);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Parses {@code args}, starts the emulator, prints its address and blocks until the process ends. */
    public static int run(String[] args, PrintStream out) {
        EmulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            out.println(USAGE);
            return 2;
        }
        if (config == null) {
            out.println(USAGE);
            return 0;
        }
        GeminiEmulator emu = GeminiEmulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emu.close();
            stopped.countDown();
        }, "gemini-emulator-shutdown"));
        out.println("Gemini emulator listening on " + emu.baseUrl() + " (state: " + emu.stateDir() + ")");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emu.close();
        }
        return 0;
    }

    /** The configuration the flags describe, or null when help was asked for. */
    static EmulatorConfig parse(String[] args) {
        EmulatorConfig c = EmulatorConfig.defaults();
        Faults f = Faults.none();
        Quota quota = null;
        boolean realistic = false;
        Double speed = null;
        Long delay = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if ("--help".equals(flag) || "-h".equals(flag)) {
                return null;
            }
            if ("--realistic".equals(flag)) {
                realistic = true;
                continue;
            }
            if ("--shared-throughput".equals(flag) || "--no-shared-throughput".equals(flag)) {
                c = c.sharedThroughput("--shared-throughput".equals(flag));
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String v = args[++i];
            switch (flag) {
                case "--port": c = c.port(integer(flag, v)); break;
                case "--state": c = c.stateDir(Path.of(v)); break;
                case "--api-key": c = c.apiKey(v); break;
                case "--tier": c = c.tier(v); break;
                case "--quota": {
                    String[] kv = pair(flag, v);
                    if (quota == null) {
                        quota = Quota.of(c.tier(), "gemini-2.5-flash");
                    }
                    quota = quota.with(kv[0], (long) number(flag, kv[1]));
                    break;
                }
                case "--tokens-per-second": speed = number(flag, v); break;
                case "--start-delay-ms": delay = (long) integer(flag, v); break;
                case "--seed": f = f.seed(Long.parseLong(v)); break;
                case "--fault-rate": {
                    String[] kv = pair(flag, v);
                    String[] rs = kv[1].split(":", 2);
                    double rate = number(flag, rs[0]);
                    int status = rs.length > 1 ? integer(flag, rs[1]) : 503;
                    f = "*".equals(kv[0]) ? f.errorRate(rate, status) : f.errorRate(Endpoint.parse(kv[0]), rate, status);
                    break;
                }
                case "--drop-rate": {
                    String[] kv = pair(flag, v);
                    double rate = number(flag, kv[1]);
                    if ("*".equals(kv[0])) {
                        for (Endpoint e : Endpoint.values()) {
                            f = f.dropRate(e, rate);
                        }
                    } else {
                        f = f.dropRate(Endpoint.parse(kv[0]), rate);
                    }
                    break;
                }
                case "--latency-ms": f = f.latency(Duration.ofMillis(integer(flag, v))); break;
                case "--item-error-rate": f = f.itemErrorRate(number(flag, v)); break;
                case "--malformed-line-rate": f = f.malformedLineRate(number(flag, v)); break;
                case "--job-failure-rate": f = f.jobFailureRate(number(flag, v)); break;
                case "--fail-next-jobs": f = f.failNextJobs(integer(flag, v)); break;
                case "--job-expiry-rate": f = f.jobExpiryRate(number(flag, v)); break;
                case "--expire-next-jobs": f = f.expireNextJobs(integer(flag, v)); break;
                case "--truncated-download-rate": f = f.truncatedDownloadRate(number(flag, v)); break;
                case "--blocked-prompt-rate": f = f.blockedPromptRate(number(flag, v)); break;
                case "--safety-finish-rate": f = f.safetyFinishRate(number(flag, v)); break;
                case "--recitation-finish-rate": f = f.recitationFinishRate(number(flag, v)); break;
                case "--spend-limit-rate": f = f.spendLimitRate(number(flag, v)); break;
                case "--catalog": c = c.catalog(Path.of(v)); break;
                default: throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (realistic) {
            c = c.realistic();
        }
        if (speed != null) {
            c = c.tokensPerSecond(speed);
        }
        if (delay != null) {
            c = c.startDelay(Duration.ofMillis(delay));
        }
        return c.quota(quota).faults(f);
    }

    private static String[] pair(String flag, String v) {
        int eq = v.indexOf('=');
        if (eq <= 0 || eq == v.length() - 1) {
            throw new IllegalArgumentException(flag + " must look like NAME=VALUE, was \"" + v + "\"");
        }
        return new String[] {v.substring(0, eq).trim(), v.substring(eq + 1).trim()};
    }

    private static int integer(String flag, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be an integer, was \"" + v + "\"");
        }
    }

    private static double number(String flag, String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number, was \"" + v + "\"");
        }
    }
}

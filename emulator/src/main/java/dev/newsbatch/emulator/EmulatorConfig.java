package dev.newsbatch.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How a {@link GeminiEmulator} runs: an immutable value with withers; every wither returns a new config.
 *
 * <p>Batch jobs move by a deterministic clock: a job stays pending for at least {@link #startDelay()}, then
 * runs for {@code totalInputTokens / tokensPerSecond} seconds, then succeeds (unless a fault says otherwise).
 * With {@link #sharedThroughput()} (the default) the project has one processor of {@code tokensPerSecond}:
 * jobs are processed one after another in creation order, so N jobs submitted together take N times as
 * long as one; without it every job runs on its own at full speed. The defaults finish a few hundred
 * 3,000-token articles in a few seconds; {@link #realistic()} gives timings of minutes to hours.
 *
 * <pre>{@code
 * EmulatorConfig c = EmulatorConfig.defaults()
 *     .port(0)                               // any free port
 *     .stateDir(Path.of("batch_jobs/emulator"))
 *     .tier("tier1")
 *     .faults(Faults.none().itemErrorRate(0.05));
 * }</pre>
 *
 * @param port            TCP port on 127.0.0.1; 0 picks a free one. Default: 0
 * @param stateDir        where files, jobs and results are kept; null means a fresh temporary directory.
 *                        Default: null
 * @param apiKey          the only API key accepted; null accepts any non-empty key. Default: null
 * @param tier            usage tier of the quota tables: free, tier1, tier2, tier3. Default: tier1
 * @param quota           limits that replace the tier's published ones for every model; null uses the
 *                        tables. Default: null
 * @param tokensPerSecond batch processing speed. Default: 500,000
 * @param startDelay      time a new batch job stays pending. Default: 0.5 s
 * @param clock           the emulator's notion of now (tests pass a controllable clock). Default: system UTC
 * @param faults          faults injected from the start. Default: {@link Faults#none()}
 * @param sharedThroughput true: jobs queue for one project-wide processor at {@code tokensPerSecond}
 *                        (start = max(create + startDelay, the previous job's end)); false: each job runs
 *                        independently. Default: true
 * @param catalog         a model catalogue file of the shape of {@code /dev/newsbatch/catalog/models.json} (see
 *                        the catalog module's README); null uses that built-in catalogue. It decides which
 *                        models exist, until when, and how they think. Default: null
 */
public record EmulatorConfig(int port, Path stateDir, String apiKey, String tier, Quota quota,
                             double tokensPerSecond, Duration startDelay, Clock clock, Faults faults,
                             boolean sharedThroughput, Path catalog) {

    /** Checks every field. */
    public EmulatorConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (apiKey != null && apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must be null or non-blank, was \"" + apiKey + "\"");
        }
        tier = Quota.normalizeTier(tier);
        Arguments.positive(tokensPerSecond, "tokensPerSecond");
        Arguments.notNull(startDelay, "startDelay");
        if (startDelay.isNegative()) {
            throw new IllegalArgumentException("startDelay must not be negative, was " + startDelay);
        }
        Arguments.notNull(clock, "clock");
        Arguments.notNull(faults, "faults");
    }

    /**
     * The defaults: port 0, temporary state, any key, tier1, 500,000 tokens/s shared by all jobs, 0.5 s start
     * delay, no faults.
     */
    public static EmulatorConfig defaults() {
        return new EmulatorConfig(0, null, null, "tier1", null, 500_000, Duration.ofMillis(500),
                Clock.systemUTC(), Faults.none(), true, null);
    }

    /** A copy with timings like the real service: 200 tokens/s and a 5 minute start delay. */
    public EmulatorConfig realistic() {
        return tokensPerSecond(200).startDelay(Duration.ofMinutes(5));
    }

    /** A copy listening on {@code port} (0 = any free port). */
    public EmulatorConfig port(int port) {
        return with(d -> d.port = port);
    }

    /** A copy keeping its state in {@code stateDir} (null = a fresh temporary directory). */
    public EmulatorConfig stateDir(Path stateDir) {
        return with(d -> d.stateDir = stateDir);
    }

    /** A copy accepting only {@code apiKey} (null = any non-empty key). */
    public EmulatorConfig apiKey(String apiKey) {
        return with(d -> d.apiKey = apiKey);
    }

    /** A copy using the quota tables of {@code tier}. */
    public EmulatorConfig tier(String tier) {
        return with(d -> d.tier = tier);
    }

    /** A copy enforcing {@code quota} for every model instead of the tier's tables (null = the tables). */
    public EmulatorConfig quota(Quota quota) {
        return with(d -> d.quota = quota);
    }

    /** A copy processing batch jobs at {@code tokensPerSecond}. */
    public EmulatorConfig tokensPerSecond(double tokensPerSecond) {
        return with(d -> d.tokensPerSecond = tokensPerSecond);
    }

    /** A copy keeping new batch jobs pending for {@code startDelay}. */
    public EmulatorConfig startDelay(Duration startDelay) {
        return with(d -> d.startDelay = startDelay);
    }

    /** A copy reading the time from {@code clock}. */
    public EmulatorConfig clock(Clock clock) {
        return with(d -> d.clock = clock);
    }

    /** A copy injecting {@code faults} from the start. */
    public EmulatorConfig faults(Faults faults) {
        return with(d -> d.faults = faults);
    }

    /**
     * A copy where batch jobs share one processor ({@code true}: one after another in creation order) or
     * each run on their own ({@code false}).
     */
    public EmulatorConfig sharedThroughput(boolean sharedThroughput) {
        return with(d -> d.sharedThroughput = sharedThroughput);
    }

    /** A copy reading its models from the catalogue file {@code catalog} (null = the built-in catalogue). */
    public EmulatorConfig catalog(Path catalog) {
        return with(d -> d.catalog = catalog);
    }

    private EmulatorConfig with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new EmulatorConfig(d.port, d.stateDir, d.apiKey, d.tier, d.quota, d.tokensPerSecond, d.startDelay,
                d.clock, d.faults, d.sharedThroughput, d.catalog);
    }

    /** The limits for {@code model}: {@link #quota()} if set, else the published ones of {@link #tier()}. */
    public Quota quotaFor(String model) {
        return quota != null ? quota : Quota.of(tier, model);
    }

    @Override
    public String toString() {
        return "EmulatorConfig[port=" + port + ", stateDir=" + (stateDir == null ? "temporary" : stateDir)
                + ", apiKey=" + (apiKey == null ? "any" : "***") + ", tier=" + tier
                + (quota == null ? "" : ", quota=" + quota) + ", tokensPerSecond=" + tokensPerSecond
                + (sharedThroughput ? " shared" : " per job")
                + ", startDelay=" + startDelay.toMillis() + "ms" + (clock.equals(Clock.systemUTC()) ? "" : ", clock=" + clock)
                + (catalog == null ? "" : ", catalog=" + catalog) + ", faults=" + faults + "]";
    }

    /** The fields of a config being changed: the one place that lists them for a copy. */
    private static final class Draft {
        int port;
        Path stateDir;
        String apiKey;
        String tier;
        Quota quota;
        double tokensPerSecond;
        Duration startDelay;
        Clock clock;
        Faults faults;
        boolean sharedThroughput;
        Path catalog;

        Draft(EmulatorConfig c) {
            port = c.port;
            stateDir = c.stateDir;
            apiKey = c.apiKey;
            tier = c.tier;
            quota = c.quota;
            tokensPerSecond = c.tokensPerSecond;
            startDelay = c.startDelay;
            clock = c.clock;
            faults = c.faults;
            sharedThroughput = c.sharedThroughput;
            catalog = c.catalog;
        }
    }
}

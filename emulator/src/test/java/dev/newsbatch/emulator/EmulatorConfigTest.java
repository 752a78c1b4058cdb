package dev.newsbatch.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Config, faults and flags: immutable values, checked where they enter. */
class EmulatorConfigTest {

    @Test
    void withersReturnNewConfigsAndLeaveTheOriginal() {
        EmulatorConfig c0 = EmulatorConfig.defaults();
        EmulatorConfig c1 = c0.port(8080).tier("tier2").apiKey("secret");
        assertNotSame(c0, c1);
        assertEquals(0, c0.port());
        assertEquals("tier1", c0.tier());
        assertEquals(8080, c1.port());
        assertEquals("tier2", c1.tier());
    }

    @Test
    void defaultsFinishAFewHundredArticlesInSeconds() {
        EmulatorConfig c = EmulatorConfig.defaults();
        double seconds = c.startDelay().toMillis() / 1000.0 + 300 * 3000 / c.tokensPerSecond();
        assertTrue(seconds < 5, "seconds: " + seconds);
        EmulatorConfig r = c.realistic();
        assertTrue(r.startDelay().toMillis() / 1000.0 + 300 * 3000 / r.tokensPerSecond() > 3600);
    }

    @Test
    void badValuesNameTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmulatorConfig.defaults().tokensPerSecond(0));
        assertTrue(e.getMessage().startsWith("tokensPerSecond"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EmulatorConfig.defaults().tier("gold"));
        assertTrue(e.getMessage().startsWith("tier must be one of"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EmulatorConfig.defaults().port(70000));
        assertTrue(e.getMessage().contains("was 70000"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Faults.none().itemErrorRate(1.5));
        assertTrue(e.getMessage().startsWith("itemErrorRate must be between 0 and 1, was 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Faults.none().errorRate(Endpoint.BATCH_GET, 0.1, 200));
        assertTrue(e.getMessage().startsWith("status"), e.getMessage());
    }

    @Test
    void toStringHidesTheApiKeyAndStaysShort() {
        String s = EmulatorConfig.defaults().apiKey("super-secret").faults(Faults.none().itemErrorRate(0.1)).toString();
        assertFalse(s.contains("super-secret"), s);
        assertTrue(s.contains("itemErrorRate=0.1"), s);
        assertEquals("Faults[none]", Faults.none().toString());
    }

    @Test
    void flagsBecomeConfigAndFaults() {
        EmulatorConfig c = EmulatorMain.parse(new String[] {"--port", "9999", "--state", "/tmp/x", "--api-key", "k",
                "--tier", "free", "--tokens-per-second", "1234", "--start-delay-ms", "250",
                "--fault-rate", "generateContent=0.1:503", "--fault-rate", "batches.get=0.2",
                "--drop-rate", "files.download=0.3", "--latency-ms", "5", "--item-error-rate", "0.05",
                "--malformed-line-rate", "0.01", "--fail-next-jobs", "2", "--expire-next-jobs", "1",
                "--job-failure-rate", "0.1", "--job-expiry-rate", "0.2", "--truncated-download-rate", "0.5",
                "--seed", "9", "--quota", "rpm=5", "--quota", "enqueued-tokens=1000"});
        assertEquals(9999, c.port());
        assertEquals(Path.of("/tmp/x"), c.stateDir());
        assertEquals("k", c.apiKey());
        assertEquals("free", c.tier());
        assertEquals(1234, c.tokensPerSecond());
        assertEquals(Duration.ofMillis(250), c.startDelay());
        assertEquals(5, c.quota().requestsPerMinute());
        assertEquals(1000, c.quota().enqueuedBatchTokens());
        Faults f = c.faults();
        assertEquals(new Faults.ErrorFault(0.1, 503), f.errors().get(Endpoint.GENERATE_CONTENT));
        assertEquals(new Faults.ErrorFault(0.2, 503), f.errors().get(Endpoint.BATCH_GET));
        assertEquals(0.3, f.drops().get(Endpoint.FILE_DOWNLOAD));
        assertEquals(Duration.ofMillis(5), f.latency());
        assertEquals(0.05, f.itemErrorRate());
        assertEquals(2, f.failNextJobs());
        assertEquals(1, f.expireNextJobs());
        assertEquals(0.5, f.truncatedDownloadRate());
        assertEquals(9, f.seed());
    }

    @Test
    void sharedThroughputIsTheDefaultAndFlagsSwitchIt() {
        assertTrue(EmulatorConfig.defaults().sharedThroughput());
        assertTrue(EmulatorMain.parse(new String[] {"--shared-throughput"}).sharedThroughput());
        assertFalse(EmulatorMain.parse(new String[] {"--no-shared-throughput"}).sharedThroughput());
        assertFalse(EmulatorConfig.defaults().sharedThroughput(false).sharedThroughput());
        assertTrue(EmulatorConfig.defaults().sharedThroughput(false).toString().contains("per job"));
    }

    @Test
    void realisticFlagSlowsJobsDown() {
        EmulatorConfig c = EmulatorMain.parse(new String[] {"--realistic"});
        assertEquals(EmulatorConfig.defaults().realistic().tokensPerSecond(), c.tokensPerSecond());
    }

    @Test
    void unknownFlagPrintsUsageAndExitsWithTwo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = EmulatorMain.run(new String[] {"--bogus", "1"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("error: unknown option --bogus"), out);
        assertTrue(out.contains("--fault-rate ENDPOINT=R[:S]"), out);
    }

    @Test
    void unknownEndpointNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmulatorMain.parse(new String[] {"--fault-rate", "generate=0.1"}));
        assertTrue(e.getMessage().startsWith("endpoint must be one of generateContent"), e.getMessage());
    }
}

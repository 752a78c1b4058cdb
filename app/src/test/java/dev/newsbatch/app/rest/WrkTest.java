package dev.newsbatch.app.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading wrk's report: the figures the status-load benchmark prints come from here. */
class WrkTest {
    private static final String REPORT = """
            Running 30s test @ http://127.0.0.1:8001/batch/status/batches/abc
              2 threads and 50 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.02ms    2.31ms  61.20ms   95.10%
                Req/Sec    26.70k     3.01k   31.52k    80.17%
              Latency Distribution
                 50%  610.00us
                 75%    0.92ms
                 90%    1.80ms
                 99%   12.40ms
              1594220 requests in 30.10s, 512.31MB read
              Socket errors: connect 0, read 3, write 0, timeout 2
              Non-2xx or 3xx responses: 7
            Requests/sec:  52964.12
            Transfer/sec:     17.02MB
            """;

    @Test
    void readsRateLatencyAndErrors() {
        Wrk.Figures f = Wrk.parse(REPORT);
        assertEquals(1_594_220, f.requests());
        assertEquals(52964.12, f.perSecond(), 1e-9);
        assertEquals(0.61, f.p50Millis(), 1e-9);
        assertEquals(12.4, f.p99Millis(), 1e-9);
        assertEquals(12, f.errors(), "3 read + 2 timeout + 7 non-2xx");
    }

    @Test
    void secondsAreMilliseconds() {
        Wrk.Figures f = Wrk.parse(REPORT.replace("12.40ms", "1.50s").replace("  Socket errors: connect 0, read 3, "
                + "write 0, timeout 2\n", "").replace("  Non-2xx or 3xx responses: 7\n", ""));
        assertEquals(1500, f.p99Millis(), 1e-9);
        assertEquals(0, f.errors());
    }

    @Test
    void aReportWithoutLatencyDistributionIsRefusedNamingIt() {
        String without = REPORT.replaceAll("(?s)  Latency Distribution.*?99%[^\\n]*\\n", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Wrk.parse(without));
        assertTrue(e.getMessage().contains("--latency"), e.getMessage());
    }
}

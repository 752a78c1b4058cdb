package dev.newsbatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void countsAreGroupedWithCommas() {
        assertEquals("0", Format.count(0));
        assertEquals("999", Format.count(999));
        assertEquals("1,000", Format.count(1000));
        assertEquals("12,345,678", Format.count(12_345_678));
        assertEquals("-3,000", Format.count(-3000));
    }

    @Test
    void pluralsFollowTheCount() {
        assertEquals("1 batch", Format.plural(1, "batch"));
        assertEquals("2 batches", Format.plural(2, "batch"));
        assertEquals("0 batches", Format.plural(0, "batch"));
        assertEquals("1 wave", Format.plural(1, "wave"));
        assertEquals("1,000 waves", Format.plural(1000, "wave"));
        assertEquals("3 retries", Format.plural(3, "retry"));
        assertEquals("2 days", Format.plural(2, "day"));
        assertEquals("1 job", Format.plural(1, "job"));
        assertEquals("2 people", Format.plural(2, "person", "people"));
    }

    @Test
    void moneyKeepsSmallSumsVisible() {
        assertEquals("$0.00", Format.usd(0));
        assertEquals("$0.0012", Format.usd(0.0012));
        assertEquals("$0.000105", Format.usd(1.0515000000000001E-4));
        assertEquals("$0.00671", Format.usd(0.006712));
        assertEquals("$0.198", Format.usd(0.1975));
        assertEquals("$0.50", Format.usd(0.5));
        assertEquals("$0.03", Format.usd(0.0300));
        assertEquals("$0.05", Format.usd(0.05));
        assertEquals("$1.23", Format.usd(1.2345));
        assertEquals("$1.01", Format.usd(1.005));
        assertEquals("$7.29", Format.usd(7.29));
        assertEquals("$99.99", Format.usd(99.99));
        assertEquals("$661", Format.usd(661.2));
        assertEquals("$1,234", Format.usd(1234.4));
        assertEquals("$12,346", Format.usd(12345.6));
        assertEquals("-$0.50", Format.usd(-0.5));
        assertEquals("unknown", Format.usd(Double.NaN));
    }

    @Test
    void moneyInJsonIsAnExactDecimalWithoutBinaryNoise() {
        assertEquals("0.00010515", Format.usdJson(1.0515000000000001E-4).toPlainString());
        assertEquals("7.29", Format.usdJson(7.29).toPlainString());
        assertEquals("0.3", Format.usdJson(0.1 + 0.2).toPlainString());
        assertEquals("100", Format.usdJson(100.0).toPlainString());
        assertEquals("0", Format.usdJson(0).toPlainString());
        assertNull(Format.usdJson(Double.NaN));
    }

    @Test
    void timesAreUtcWithTheZoneNamedInTextAndIsoInstantsInJson() {
        Instant t = Instant.parse("2026-12-01T15:04:05.678Z");
        assertEquals("2026-12-01 15:04:05 UTC", Format.time(t));
        assertEquals("2026-12-01 15:04 UTC", Format.minute(t));
        assertEquals("2026-12-01T15:04:05Z", Format.timeJson(t));
        assertEquals("2026-12-01T15:04:00Z", Format.timeJson(Instant.parse("2026-12-01T15:04:00Z")));
        assertEquals("", Format.time(null));
        assertNull(Format.timeJson(null));
    }

    @Test
    void durationsUseTheTwoLargestUnits() {
        assertEquals("12.5s", Format.duration(Duration.ofMillis(12_500)));
        assertEquals("3m 20s", Format.duration(Duration.ofSeconds(200)));
        assertEquals("1h 02m", Format.duration(Duration.ofSeconds(3725)));
        assertEquals("2d 3h", Format.duration(Duration.ofHours(51)));
    }

    @Test
    void statesHaveOneSpelling() {
        assertEquals("SUCCEEDED", Format.state(JobState.SUCCEEDED));
        assertEquals("SUCCEEDED", Format.state("JOB_STATE_SUCCEEDED"));
        assertEquals("SUCCEEDED", Format.state("BATCH_STATE_SUCCEEDED"));
        assertEquals("CANCELLED", Format.state(RunState.CANCELLED));
        assertEquals(Format.state(JobState.fromWire("JOB_STATE_RUNNING")), Format.state("JOB_STATE_RUNNING"));
    }

    @Test
    void percentagesHaveOneDecimal() {
        assertEquals("42.0%", Format.percent(42));
        assertEquals("0.0%", Format.percent(Double.NaN));
        assertEquals("100.0%", Format.percent(100));
    }
}

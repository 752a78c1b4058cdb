package dev.newsbatch.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small model catalogue of the documented shape, with made-up numbers, so tests do not depend on the real
 * catalogue's values. The tests' clock stands at 2026-03-01.
 */
final class TestCatalog {
    /** Budget dialect, thinks by default, can switch off, budgets 1..1000, 400 expected thinking tokens. */
    static final String BUDGET = "t-budget";
    /** Budget dialect that cannot switch off: budgets 128..2000. */
    static final String NO_OFF = "t-no-off";
    /** Level dialect (minimal, low, high; default high), Flex tier. */
    static final String LEVEL = "t-level";
    /** No thinking, no batch, output limit 1000. */
    static final String NONE = "t-none";
    /** Budget dialect, does not think unless asked. */
    static final String LITE = "t-lite";
    /** status shut_down. */
    static final String GONE = "t-gone";
    /** deprecated, shutdown 2026-03-01: gone on the tests' clock. */
    static final String SUNSET = "t-sunset";
    /** deprecated, shutdown 2026-03-02: still served. */
    static final String LAST_DAY = "t-last-day";
    /** preview. */
    static final String PREVIEW = "t-preview";

    static final String JSON = "{\"as_of\":\"2026-03-01\",\"default_model\":\"t-budget\",\"models\":{"
            + model(BUDGET, "stable", null, 8192, true, false,
                "\"dialect\":\"budget\",\"on_by_default\":true,\"can_disable\":true,\"budget_min\":1,\"budget_max\":1000,"
                + "\"levels\":[],\"default_level\":null,\"least\":\"off\",\"expected_tokens\":{\"default\":400,\"off\":0}")
            + "," + model(NO_OFF, "stable", null, 8192, true, false,
                "\"dialect\":\"budget\",\"on_by_default\":true,\"can_disable\":false,\"budget_min\":128,\"budget_max\":2000,"
                + "\"levels\":[],\"default_level\":null,\"least\":\"128\",\"expected_tokens\":{\"default\":600}")
            + "," + model(LEVEL, "preview", null, 8192, true, true,
                "\"dialect\":\"level\",\"on_by_default\":true,\"can_disable\":false,\"budget_min\":null,\"budget_max\":null,"
                + "\"levels\":[\"minimal\",\"low\",\"high\"],\"default_level\":\"high\",\"least\":\"minimal\","
                + "\"expected_tokens\":{\"default\":500,\"minimal\":10,\"low\":100,\"high\":500}")
            + "," + model(NONE, "stable", null, 1000, false, false,
                "\"dialect\":\"none\",\"on_by_default\":false,\"can_disable\":true,\"budget_min\":null,\"budget_max\":null,"
                + "\"levels\":[],\"default_level\":null,\"least\":\"off\",\"expected_tokens\":{\"default\":0,\"off\":0}")
            + "," + model(LITE, "stable", null, 8192, true, false,
                "\"dialect\":\"budget\",\"on_by_default\":false,\"can_disable\":true,\"budget_min\":512,\"budget_max\":4096,"
                + "\"levels\":[],\"default_level\":null,\"least\":\"off\",\"expected_tokens\":{\"default\":300,\"off\":0}")
            + "," + model(GONE, "shut_down", "2026-01-01", 8192, true, false, "\"dialect\":\"none\"")
            + "," + model(SUNSET, "deprecated", "2026-03-01", 8192, true, false, "\"dialect\":\"none\"")
            + "," + model(LAST_DAY, "deprecated", "2026-03-02", 8192, true, false, "\"dialect\":\"none\"")
            + "," + model(PREVIEW, "preview", null, 8192, true, false, "\"dialect\":\"none\"")
            + "}}";

    private TestCatalog() {}

    private static String model(String id, String status, String shutdown, int outLimit, boolean batch, boolean flex,
                                String thinking) {
        return "\"" + id + "\":{\"family\":\"test\",\"status\":\"" + status + "\",\"released\":null,\"deprecated\":null,"
                + "\"shutdown\":" + (shutdown == null ? "null" : "\"" + shutdown + "\"") + ",\"replacement\":null,"
                + "\"input_token_limit\":100000,\"output_token_limit\":" + outLimit + ",\"batch\":" + batch
                + ",\"flex\":" + flex + ",\"thinking\":{" + thinking + "},\"prices\":{},\"sources\":[]}";
    }

    /** Writes the catalogue into {@code dir} and returns the file. */
    static Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("models.json"), JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The documented thinking function, written out again independently of the emulator:
     * {@code round(mean * (0.75 + 0.5 * u))}, u = top 53 bits of the 64-bit FNV-1a hash of the contents' text.
     */
    static long thoughts(long mean, String contentsText) {
        long h = 0xcbf29ce484222325L;
        for (byte b : contentsText.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        double u = (h >>> 11) / (double) (1L << 53);
        return Math.round(mean * (0.75 + 0.5 * u));
    }
}

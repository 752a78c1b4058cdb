package dev.newsbatch;

import dev.newsbatch.internal.Checks;
import java.util.Locale;

/**
 * Google's quota level of a Gemini API project. It sets the rate limits (requests and tokens per
 * minute, requests per day) and the Batch API's enqueued-token budget; the free tier has no Batch API.
 * The numbers themselves are data ({@code dev/newsbatch/catalog/tiers.json}, dated), not code.
 *
 * <pre>{@code
 * Batches.from(articles).tier(Tier.TIER_2);   // same as .tier2()
 * Tier.parse("tier1");                        // TIER_1
 * }</pre>
 */
public enum Tier {
    /** No billing: low rate limits, no Batch API. */
    FREE("free"),
    /** A project with billing enabled. */
    TIER_1("tier1"),
    /** Spend above Google's tier-2 threshold. */
    TIER_2("tier2"),
    /** Spend above Google's tier-3 threshold. */
    TIER_3("tier3");

    private final String key;

    Tier(String key) {
        this.key = key;
    }

    /** The tier's key in the limits data and on the command line: {@code free}, {@code tier1} … */
    public String key() {
        return key;
    }

    /**
     * The tier named by {@code text}: {@code free}, {@code tier1}…{@code tier3}, also written
     * {@code TIER_1}, {@code tier 1} or {@code 1}.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static Tier parse(String text) {
        Checks.notBlank(text, "tier");
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
        if (t.matches("[123]")) {
            t = "tier" + t;
        }
        for (Tier tier : values()) {
            if (tier.key.equals(t)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("tier must be one of free, tier1, tier2, tier3, was \"" + text + "\"");
    }
}

package dev.newsbatch.app.cli;

import picocli.CommandLine.Option;

/**
 * The model and quota tier, shared by every command that plans or submits work.
 *
 * <pre>{@code
 * @Mixin ModelOptions target;   // --model M --tier T
 * }</pre>
 */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "gemini-2.5-flash",
            description = "Gemini model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--tier", paramLabel = "TIER", defaultValue = "tier1",
            description = "Quota tier of the project: free, tier1, tier2, tier3 (default: ${DEFAULT-VALUE}).")
    String tier;
}

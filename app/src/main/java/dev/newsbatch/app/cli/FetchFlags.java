package dev.newsbatch.app.cli;

import dev.newsbatch.FetchOptions;
import picocli.CommandLine.Option;

/**
 * The fetching option shared by the commands that read news pages: whether private, loopback and
 * link-local addresses may be fetched (refused by default, redirects included).
 *
 * <pre>{@code
 * @Mixin FetchFlags fetching;
 * Batches.fromUrls(file, fetching.options());
 * }</pre>
 */
final class FetchFlags {
    @Option(names = "--allow-private-urls",
            description = "Also fetch pages on loopback, private and link-local addresses (refused by default).")
    boolean allowPrivateUrls;

    /** The SDK's default fetch options with this switch applied. */
    FetchOptions options() {
        return FetchOptions.ofDefaults().allowLoopback(allowPrivateUrls).allowPrivateNetworks(allowPrivateUrls);
    }

    @Override
    public String toString() {
        return "FetchFlags[" + (allowPrivateUrls ? "private URLs allowed" : "public URLs only") + "]";
    }
}

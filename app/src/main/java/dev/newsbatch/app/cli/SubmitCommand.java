package dev.newsbatch.app.cli;

import dev.newsbatch.Batches;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code newsbatch submit URLS.txt --name N [--wait]}: fetch news pages and classify them with the Batch API. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Fetch news pages from a URL list and classify them as batch jobs.",
                "Fetch the news pages listed in a file (one URL per line, # comments), extract their text "
                + "and submit them as batch jobs. Pages that cannot be fetched are listed as FETCH_FAILED "
                + "in the results; loopback, private and link-local addresses are refused unless "
                + "--allow-private-urls is given."},
        footer = {"", "Examples:", "  newsbatch submit urls.txt --name morning --wait",
                "  newsbatch submit urls.txt --name topics --schema samples/topic_schema.json"})
final class SubmitCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "URLS", description = "A text file with one URL per line.")
    Path file;

    @Mixin
    NamedSubmission submission;

    @Mixin
    FetchFlags fetching;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("URLS file " + file + " does not exist or is not a regular file");
        }
        return submission.submit(this, Batches.fromUrls(file, fetching.options()));
    }
}

package dev.newsbatch.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsbatch large batch|realtime FILE}: runs of thousands of articles, to completion. */
@Command(name = "large", mixinStandardHelpOptions = true,
        description = {"Process a large file to completion, in batches or in real time.",
                "Process a large file of articles to completion: with the Batch API in waves or continuous "
                + "admission under the tier's quota, or in real time under a rate limit and a daily cap. "
                + "Interrupted runs continue where they stopped when the same command is run again."},
        footer = {"", "Examples:", "  newsbatch large batch articles.jsonl --mode continuous --name october",
                "  newsbatch large realtime articles.jsonl --rpm 300 --rpd 10000 --name rt"},
        subcommands = {LargeBatchCommand.class, LargeRealtimeCommand.class})
final class LargeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose `large batch FILE` or `large realtime FILE`");
    }
}

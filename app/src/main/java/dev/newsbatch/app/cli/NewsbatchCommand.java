package dev.newsbatch.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code newsbatch} command: global options and the list of verbs. */
@Command(name = "newsbatch", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = {"Classify news articles with Google Gemini, in bulk and cheaply.",
                "With no GOOGLE_API_KEY set, everything runs against an embedded Gemini emulator."},
        footer = {"", "Example:", "  newsbatch submit-contents samples/batch_contents.json --name demo --wait",
                "  newsbatch list", "",
                "Exit codes: 0 success, 1 a job or some articles failed, 2 bad usage or bad input."},
        subcommands = {SubmitCommand.class, SubmitContentsCommand.class, StatusCommand.class, ResultsCommand.class,
                ListCommand.class, CancelCommand.class, RetryCommand.class, ClassifyCommand.class, EstimateCommand.class, LargeCommand.class,
                ExtractCommand.class, ModelsCommand.class, ServeCommand.class, EmulatorCommand.class, CleanupCommand.class, VersionCommand.class,
                CompletionCommand.class})
final class NewsbatchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            defaultValue = "${env:NEWSBATCH_DIR:-batch_jobs}",
            description = "Batch directory: ledger, request files, results "
                    + "(env NEWSBATCH_DIR; default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Defaults for options (model, tier, dir, limits) as key = value lines (env NEWSBATCH_CONFIG; "
                    + "default: ./newsbatch.properties, else ~/.config/newsbatch/config.properties).")
    Path config;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print machine-readable JSON instead of text.")
    boolean json;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a command is required, e.g. `newsbatch submit-contents FILE --name N`");
    }
}

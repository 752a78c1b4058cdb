package dev.newsbatch.app.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** {@code newsbatch completion}: the bash (and zsh) completion script of every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print the shell completion script for bash and zsh.",
                "Print a completion script for every command and option; load it into the current shell, or "
                + "save it where your shell reads completions."},
        footer = {"", "Examples:", "  source <(newsbatch completion)",
                "  newsbatch completion > ~/.local/share/bash-completion/completions/newsbatch"})
final class CompletionCommand extends BaseCommand {
    @Override
    public Integer call() {
        out().print(AutoComplete.bash("newsbatch", spec.root().commandLine()));
        out().flush();
        return ExitCode.OK;
    }
}

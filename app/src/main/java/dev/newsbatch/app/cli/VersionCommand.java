package dev.newsbatch.app.cli;

import picocli.CommandLine.Command;

/** {@code newsbatch version}: the versions of newsbatch, the Gemini SDK, the model catalogue and Java. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = {"Print the versions of newsbatch, google-genai, the model catalogue and Java."},
        footer = {"", "Examples:", "  newsbatch version", "  newsbatch version --json"})
final class VersionCommand extends BaseCommand {
    @Override
    public Integer call() {
        VersionInfo v = VersionInfo.current();
        if (json()) {
            printJson(Output.object().put("newsbatch", v.newsbatch()).put("google_genai", v.googleGenai())
                    .put("catalogue_date", v.catalogue()).put("java", v.java()));
        } else {
            v.lines().forEach(this::println);
        }
        return ExitCode.OK;
    }
}

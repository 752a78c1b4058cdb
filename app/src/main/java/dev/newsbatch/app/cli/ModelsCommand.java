package dev.newsbatch.app.cli;

import dev.newsbatch.Batches;
import dev.newsbatch.ModelInfo;
import dev.newsbatch.RunConfig;
import dev.newsbatch.app.rest.ModelList;
import dev.newsbatch.display.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsbatch models [--live]}: the models newsbatch knows, with status, prices and thinking. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = {"List the Gemini models newsbatch knows: status, batch prices, flex, thinking.",
                "List the models of newsbatch's dated model catalogue: status and shutdown date with the "
                + "replacement, Batch API prices in USD per 1M input/output tokens, whether Flex serves them, "
                + "what they accept for thinking and the least thinking they allow. The default model is "
                + "marked with *. With --live (the default when GOOGLE_API_KEY or GEMINI_API_KEY is set) the "
                + "endpoint's models.list is merged in and the origin column says which source lists each model."},
        footer = {"", "Examples:", "  newsbatch models", "  newsbatch models --live --json"})
final class ModelsCommand extends BaseCommand {
    @Option(names = "--live", negatable = true,
            description = "Merge in the endpoint's models.list (default: on when GOOGLE_API_KEY or GEMINI_API_KEY "
                    + "is set).")
    Boolean live;

    @Override
    public Integer call() {
        boolean merge = live != null ? live : keySet();
        List<ModelInfo> models = merge ? Batches.liveModels() : Batches.models();
        if (json()) {
            printJson(ModelList.json(models, merge));
            return ExitCode.OK;
        }
        List<String> headers = new ArrayList<>(List.of("model", "status", "shutdown", "replacement",
                "batch $ in/out", "flex", "thinking", "least"));
        if (merge) {
            headers.add("origin");
        }
        List<List<String>> rows = new ArrayList<>();
        for (ModelInfo m : models) {
            List<String> row = new ArrayList<>(List.of(
                    (RunConfig.DEFAULT_MODEL.equals(m.id()) ? "* " : "  ") + m.id(),
                    m.status() == null ? "?" : m.status().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    m.shutdown() == null ? "" : m.shutdown().toString(),
                    m.replacement() == null ? "" : m.replacement(),
                    Double.isNaN(m.batchInput()) ? "" : price(m.batchInput()) + " / " + price(m.batchOutput()),
                    m.flex() ? "yes" : "no",
                    m.thinking() == null ? "" : m.thinking(),
                    m.leastThinking() == null ? "" : m.leastThinking()));
            if (merge) {
                row.add(m.origin() == null ? "" : m.origin().name().toLowerCase(Locale.ROOT));
            }
            rows.add(row);
        }
        String table = TextTable.of(headers).maxRows(1000).maxWidth(48).render(rows, rows.size()).strip();
        println(table.substring(0, Math.max(0, table.lastIndexOf('\n'))));
        println("* default model (" + RunConfig.DEFAULT_MODEL + "); prices in USD per 1M tokens"
                + (merge ? "" : "; --live merges in the endpoint's models.list"));
        return ExitCode.OK;
    }

    private static boolean keySet() {
        return notBlank(System.getenv("GOOGLE_API_KEY")) || notBlank(System.getenv("GEMINI_API_KEY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String price(double usd) {
        String t = String.format(Locale.ROOT, "%.4f", usd);
        return "$" + t.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}

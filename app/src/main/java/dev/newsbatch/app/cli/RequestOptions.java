package dev.newsbatch.app.cli;

import dev.newsbatch.BatchSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What each request says besides the article: the prompt template, the system instruction and the schema
 * of the answer. Every command that estimates or sends requests takes these, so an estimate counts the
 * same tokens the run sends.
 *
 * <pre>{@code
 * @Mixin RequestOptions request;   // [--prompt FILE] [--system FILE] [--schema FILE]
 * BatchSpec<? extends Record> spec = request.apply(Batches.from(file));
 * }</pre>
 */
final class RequestOptions {
    @Option(names = "--prompt", paramLabel = "FILE",
            description = "The prompt template, UTF-8 text with {contents} (and optionally {title}) where the "
                    + "article goes (default: \"Title: {title}\\n\\nContent: {contents}\").")
    Path prompt;

    @Option(names = "--system", paramLabel = "FILE", description = "The system instruction, UTF-8 text.")
    Path system;

    @Mixin
    SchemaOption schema;

    /** {@code spec} with the prompt, system instruction and schema given, or {@code spec} itself without them. */
    BatchSpec<? extends Record> apply(BatchSpec<? extends Record> spec) {
        return shaped(schema.apply(spec));
    }

    private <T extends Record> BatchSpec<T> shaped(BatchSpec<T> spec) {
        BatchSpec<T> out = spec;
        if (prompt != null) {
            out = withFile("--prompt", prompt, out::prompt);
        }
        if (system != null) {
            out = withFile("--system", system, out::systemInstruction);
        }
        return out;
    }

    private static <T extends Record> BatchSpec<T> withFile(String flag, Path file, Function<String, BatchSpec<T>> apply) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(flag + " " + file + ": cannot read the file ("
                    + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()) + ")");
        }
        try {
            return apply.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + " " + file + ": " + e.getMessage(), e);
        }
    }
}

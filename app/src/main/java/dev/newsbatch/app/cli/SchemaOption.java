package dev.newsbatch.app.cli;

import dev.newsbatch.BatchSpec;
import dev.newsbatch.schema.ClassificationSchema;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --schema FILE}: classify into a schema given as a JSON file instead of the news fields; the rows,
 * tables and exports then have that schema's top-level properties as columns.
 *
 * <pre>{@code
 * @Mixin SchemaOption schema;   // --schema FILE
 * BatchSpec<?> spec = schema.apply(Batches.from(file));
 * }</pre>
 */
final class SchemaOption {
    @Option(names = "--schema", paramLabel = "FILE",
            description = "Classify into the response schema in FILE (JSON: an object schema in the subset of "
                    + "OpenAPI Gemini's responseSchema takes, e.g. samples/topic_schema.json) instead of the news "
                    + "fields; rows, tables and exports get its top-level properties as columns.")
    Path file;

    /** {@code spec} classifying into the schema of {@code --schema}, or {@code spec} itself without it. */
    BatchSpec<? extends Record> apply(BatchSpec<? extends Record> spec) {
        return file == null ? spec : spec.classifyInto(ClassificationSchema.fromJson(file));
    }
}

package dev.newsbatch.internal.run;

import dev.newsbatch.Article;
import dev.newsbatch.RunConfig;
import dev.newsbatch.RunConflictException;
import dev.newsbatch.internal.ArticleSource;
import dev.newsbatch.internal.Notices;
import dev.newsbatch.internal.plan.RequestKeys;
import dev.newsbatch.internal.plan.RequestTemplate;
import dev.newsbatch.schema.ClassificationSchema;
import dev.newsbatch.internal.store.Ledger;
import dev.newsbatch.internal.store.RunRecord;
import dev.newsbatch.internal.store.StoredConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's identity is its input: with no name given, the name derives from what determines the
 * requests (the input's fingerprint, the model, the prompt, the system instruction and the schema),
 * so the same command on the same input resumes its run. Under an existing name, new article ids are
 * added; another model, prompt, instruction or schema, or an id whose content changed, is refused
 * before anything is recorded or sent.
 */
final class RunIdentity {
    /** How many changed articles a refusal names. */
    static final int NAMED = 10;

    private RunIdentity() {}

    /** The name of a run submitted without one: {@code run-} and twelve hex digits of its identity. */
    static String name(RunConfig config, ArticleSource source) {
        RequestTemplate t = RequestTemplate.of(config);
        String identity = String.join("\u0000", source.fingerprint(), config.model(), config.prompts().template(),
                config.prompts().systemInstruction(), config.schema().getName(),
                t.schema().responseSchema().toString());
        return "run-" + RequestKeys.sha256(identity).substring(0, 12);
    }

    /**
     * Checks a submission against the run already recorded under its name, if any, and says what it
     * re-attaches to.
     *
     * @throws RunConflictException if the submission would change the run's requests
     */
    static void check(Ledger ledger, String runId, RunConfig requested, ArticleSource source) {
        Optional<RunRecord> recorded = ledger.run(runId);
        if (recorded.isEmpty()) {
            return;
        }
        String settings = recorded.get().settings();
        List<String> differences = settingsDifferences(StoredConfig.read(settings), StoredConfig.schemaName(settings),
                requested);
        if (!differences.isEmpty()) {
            throw new RunConflictException(runId, differences);
        }
        Map<String, String> hashes = ledger.itemHashes(runId);
        if (!source.rereadable()) {
            Notices.once("newsbatch: run " + runId + ": " + dev.newsbatch.Format.count(hashes.size())
                    + " articles already recorded; only new ones are sent");
            return;
        }
        List<String> changed = new ArrayList<>();
        long known = 0;
        long fresh = 0;
        for (Iterator<Article> it = source.open(); it.hasNext(); ) {
            Article a = it.next();
            String key = RequestKeys.of(a.id());
            if (!hashes.containsKey(key)) {
                fresh++;
                continue;
            }
            known++;
            String hash = hashes.get(key);
            if (hash != null && !hash.equals(RequestKeys.contentHash(a.title(), a.contents())) && changed.size() <= NAMED) {
                changed.add(a.id());
            }
        }
        if (!changed.isEmpty()) {
            String names = String.join(", ", changed.subList(0, Math.min(NAMED, changed.size())))
                    + (changed.size() > NAMED ? ", …" : "");
            throw new RunConflictException(runId, List.of("the content of article " + names
                    + " differs from what the run recorded"));
        }
        Notices.once("newsbatch: run " + runId + ": " + dev.newsbatch.Format.plural(known, "article")
                + " already recorded, " + dev.newsbatch.Format.count(fresh) + " new");
    }

    private static List<String> settingsDifferences(RunConfig recorded, String recordedSchema, RunConfig requested) {
        List<String> d = new ArrayList<>();
        differ(d, "model", recorded.model(), requested.model());
        differ(d, "prompt", recorded.prompts().template(), requested.prompts().template());
        differ(d, "system instruction", recorded.prompts().systemInstruction(), requested.prompts().systemInstruction());
        differ(d, "thinking", recorded.thinking().toString(), requested.thinking().toString());
        if (recorded.schemaJson() != null || requested.schemaJson() != null) {
            if (!java.util.Objects.equals(recorded.schemaJson(), requested.schemaJson())) {
                d.add("schema was " + described(recorded, recordedSchema) + ", now " + described(requested,
                        requested.schema().getName()));
            }
        } else if (!sameSchema(recorded.schema(), recordedSchema, requested.schema())) {
            d.add("schema was " + recordedSchema + ", now " + requested.schema().getName());
        }
        return d;
    }

    /** A schema for a message: a JSON schema by its fields and fingerprint, a record type by its class name. */
    private static String described(RunConfig config, String className) {
        if (config.schemaJson() == null) {
            return className;
        }
        return "a JSON schema with fields " + config.classificationSchema().columns() + " (sha256 "
                + RequestKeys.sha256(config.schemaJson()).substring(0, 12) + ")";
    }

    /**
     * The same response schema. A record declared in an earlier JShell session no longer loads (and
     * its class name changes): it counts as the same when the simple names agree.
     */
    private static boolean sameSchema(Class<? extends Record> loaded, String recordedName, Class<? extends Record> now) {
        if (recordedName.isEmpty() || recordedName.equals(now.getName())) {
            return true;
        }
        if (loaded.getName().equals(recordedName)) {
            return ClassificationSchema.of(loaded).responseSchema().equals(ClassificationSchema.of(now).responseSchema());
        }
        String simple = recordedName.substring(Math.max(recordedName.lastIndexOf('.'), recordedName.lastIndexOf('$')) + 1);
        return simple.equals(now.getSimpleName());
    }

    private static void differ(List<String> out, String what, String recorded, String requested) {
        if (!recorded.equals(requested)) {
            out.add(what + " was \"" + abbreviate(recorded) + "\", now \"" + abbreviate(requested) + "\"");
        }
    }

    private static String abbreviate(String s) {
        String flat = s.replace('\n', ' ');
        return flat.length() <= 60 ? flat : flat.substring(0, 59) + "…";
    }
}

// newsbatch in JShell: imports and a few helpers. Open a session with
//
//   ./newsbatch shell
//
// or, with the all-in-one jar (the SDK and its dependencies; built by `mvn -B -pl notebook -am package -DskipTests`):
//
//   jshell --class-path notebook/target/newsbatch-notebook-all.jar --startup DEFAULT --startup jshell-startup.jsh
//
// Then, for example:
//
//   var results = batch("samples/batch_contents.json").submit().await().collect();
//   show(results.summary());
//   Charts.sentiment(results).save(Path.of("sentiment.png"));
//
// With no GOOGLE_API_KEY set, runs go to the embedded Gemini emulator (offline).
import dev.newsbatch.*;
import dev.newsbatch.schema.*;
import dev.newsbatch.display.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;

/** The batch directory: -R-Dnewsbatch.dir=DIR, else NEWSBATCH_DIR, else ./batch_jobs. */
Path batchDir() {
    return Batches.defaultDirectory();
}

/** The articles of a JSON array, JSONL or CSV file (every problem is reported with its line). */
List<Article> articles(String path) {
    return Batches.read(Path.of(path));
}

/** A spec over a file of articles, keeping its state in batchDir(). */
BatchSpec<NewsClassification> batch(String path) {
    return Batches.from(Path.of(path)).directory(batchDir());
}

/** A spec over articles, keeping its state in batchDir(). */
BatchSpec<NewsClassification> batch(List<Article> articles) {
    return Batches.from(articles).directory(batchDir());
}

/** The runs recorded in batchDir(), newest first. */
List<RunInfo> runs() {
    return Batches.runs(batchDir());
}

/** Re-attaches to a run recorded in batchDir(). */
BatchRun<NewsClassification> resume(String runId) {
    return Batches.resume(runId, batchDir(), NewsClassification.class);
}

/** Prints a value in full: a Summary as its report, an Estimate as its breakdown, anything else as its toString(). */
void show(Object value) {
    if (value instanceof Summary s) {
        System.out.println(s.render());
    } else if (value instanceof Estimate e) {
        System.out.println(e.report());
    } else {
        System.out.println(value);
    }
}

/** A short tour of what to type. */
void help() {
    System.out.println("""
            newsbatch helpers:
              batch("samples/batch_contents.json")        a spec over a file (JSON array, JSONL, CSV)
              batch(articles("file.jsonl"))               a spec over articles you can inspect first
              spec.estimate()                             tokens, batches, waves and USD, before sending
              spec.submit().await().collect()             run it and get the results
              show(results.summary())                     headline figures
              Charts.sentiment(results).save(Path.of("sentiment.png"))
              runs(), resume("name")                      find runs again in a later session
            state is kept in""" + " " + batchDir().toAbsolutePath());
}

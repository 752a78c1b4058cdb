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
// (Feedback modes cannot be set from a startup script: JShell defines them after it; a value
// longer than JShell's truncation limit is cut with " ... ", so show(x) prints any value whole.)
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

/** A tour of the API: what to type, with examples. */
void help() {
    System.out.println("""
            newsbatch in JShell (show(x) prints any value in full, and reports for summaries and estimates):
              Specs (immutable; each call returns a new one)
                var spec = batch("samples/batch_contents.json")   a spec over a file (JSON array, JSONL, CSV)
                batch(articles("file.jsonl"))                      a spec over articles you can inspect first
                spec.name("october").tier1().waves()               name, tier (free(), tier1()..), mode: the batch
                                                                   default, waves(), continuous(), realtime(), flex()
                spec.model("gemini-3.5-flash-lite").budgetUsd(5)   model and a spending cap
              Before sending
                spec.estimate()                 tokens, batches, waves and USD;  show(spec.estimate()) for the report
              Running
                var run = spec.submit()         records the run and sends it (same name again = same run)
                run.await()                     waits with a progress bar;  run.await(Duration.ofMinutes(5))
                run.state()                     a snapshot, no remote call;  run.cancel()
                run.state().progress()          done / failed / in flight / pending, jobs, retries
                var results = run.collect()     the typed results so far
              Results
                show(results)                   a table (first and last rows), errors, tokens and cost
                results.summary()               headline figures;  show(results.summary()) for the report
                results.bySentiment()  results.topCompanies(10)  results.topSectors(10)  results.errors()
                results.financial().withSentiment("Negative").rows()
                results.toCsv(Path.of("out.csv"))  results.toJson(Path.of("out.json"))
                Charts.sentiment(results).save(Path.of("sentiment.png"))
                Format.usd(0.00105)  Format.count(12000)  Format.time(Instant.now())   $0.00105  12,000  ... UTC
              Later sessions
                runs()                          the runs recorded in batchDir(), newest first
                resume("october").await().collect()
            State is kept in""" + " " + batchDir().toAbsolutePath());
}

System.out.println("newsbatch: type help() for the API with examples, show(x) to print a value in full");

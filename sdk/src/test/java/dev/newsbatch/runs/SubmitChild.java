package dev.newsbatch.runs;

import dev.newsbatch.Batches;
import dev.newsbatch.RunBusyException;
import dev.newsbatch.internal.engine.SampleArticles;
import java.nio.file.Path;
import java.time.Duration;

/** A second driver for the tests: submits and awaits a run; exits 3 when another process drives it. */
public final class SubmitChild {
    private SubmitChild() {}

    public static void main(String[] args) {
        try {
            int n = Batches.from(SampleArticles.of(Integer.parseInt(args[2]))).name(args[1]).directory(Path.of(args[0]))
                    .batchSize(5).pollInterval(Duration.ofMillis(20)).submit().await().collect().size();
            System.out.println("RESULT " + n);
        } catch (RunBusyException busy) {
            System.out.println("BUSY " + busy.getMessage());
            System.exit(3);
        }
    }
}

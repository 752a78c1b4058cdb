package dev.newsbatch.internal.run;

import dev.newsbatch.ErrorKind;
import dev.newsbatch.RunConfig;
import dev.newsbatch.internal.Notices;
import dev.newsbatch.store.JobRecord;
import dev.newsbatch.store.Ledger;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A batch run's USD budget cap. Jobs already created count as committed; jobs not yet created are
 * admitted in order while their estimated cost fits, and from the first one that does not, none is
 * sent: their items fail with {@link ErrorKind#BUDGET}, the jobs are settled unsent, and a notice says
 * so. A job's estimate prices each of its requests on its own (long-context rates apply per request).
 */
final class Budget {
    private Budget() {}

    /** Applies the cap; returns the number of articles left out by this call. */
    static long apply(RunConfig config, Ledger ledger, String runId) {
        if (config.budgetUsd() <= 0 || !config.mode().isBatch()) {
            return 0;
        }
        Map<Integer, Double> chunkUsd = estimatedUsdByChunk(config, ledger, runId);
        List<JobRecord> jobs = ledger.jobs(runId);
        double committed = 0;
        for (JobRecord j : jobs) {
            if (j.step() == JobRecord.Step.CREATING || j.jobName() != null) {
                committed += chunkUsd.getOrDefault(j.chunk(), 0.0);
            }
        }
        boolean stopped = false;
        long cut = 0;
        for (JobRecord j : jobs) {
            if (j.step() != JobRecord.Step.PREPARED && j.step() != JobRecord.Step.UPLOADED) {
                continue;
            }
            double cost = chunkUsd.getOrDefault(j.chunk(), 0.0);
            if (!stopped && committed + cost <= config.budgetUsd() + 1e-9) {
                committed += cost;
                continue;
            }
            stopped = true;
            String why = String.format(Locale.ROOT, "not sent: budget cap $%.2f reached "
                    + "($%.2f committed, this batch would add $%.2f)", config.budgetUsd(), committed, cost);
            cut += ledger.failOpenItems(runId, j.chunk(), ErrorKind.BUDGET.name(), why, null);
            ledger.saveJob(j.step(JobRecord.Step.RETRIEVED).observed(null, -1, why));
        }
        if (cut > 0) {
            Notices.once(String.format(Locale.ROOT, "newsbatch: budget cap $%.2f reached for run %s; "
                    + "%,d articles were not sent (errors of kind BUDGET)", config.budgetUsd(), runId, cut));
        }
        return cut;
    }

    /** Each chunk's estimated Batch API cost: every item priced on its own, with the usual answer. */
    private static Map<Integer, Double> estimatedUsdByChunk(RunConfig config, Ledger ledger, String runId) {
        long out = config.estimator().outputTokens();
        Planning.Spend price = Planning.spend(config);
        Map<Integer, Double> usd = new HashMap<>();
        ledger.forEachItem(runId, i -> usd.merge(i.chunk(), price.price(i.estTokens(), out), Double::sum));
        return usd;
    }
}

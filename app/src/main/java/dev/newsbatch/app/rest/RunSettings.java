package dev.newsbatch.app.rest;

import dev.newsbatch.BatchSpec;
import dev.newsbatch.Thinking;
import dev.newsbatch.VertexTarget;

/**
 * The optional settings of a submission body that shape the run: thinking, the Flex service tier,
 * the project's own quota and spend limits and the cost-drift guard. Null means the SDK's default.
 *
 * <pre>{@code
 * RunSettings s = RequestBodies.settings(json);   // {"thinking":"minimal","spendPerMonthUsd":50}
 * spec = s.apply(spec);
 * }</pre>
 *
 * @param thinking         {@code thinking}, parsed by {@link Thinking#parse(String)}
 * @param flex             {@code flex}: real-time calls on the Flex service tier instead of batch jobs
 * @param enqueuedTokens   {@code enqueuedTokens}: the project's batch enqueued-token limit
 * @param rpm              {@code rpm}: real-time requests per minute
 * @param rpd              {@code rpd}: real-time requests per day
 * @param spendPer10MinUsd {@code spendPer10MinUsd}: the project's spend limit per rolling 10 minutes
 * @param spendPerMonthUsd {@code spendPerMonthUsd}: the project's monthly spend limit
 * @param costDriftFactor  {@code costDriftFactor}: 0 (off) or a factor of at least 1
 * @param vertex           {@code vertex}: {@code {project, location, gcsPrefix, bigQueryDataset?}}, to run on Vertex AI batch prediction
 */
public record RunSettings(Thinking thinking, boolean flex, Long enqueuedTokens, Integer rpm, Integer rpd,
                          Double spendPer10MinUsd, Double spendPerMonthUsd, Double costDriftFactor,
                          VertexTarget vertex) {

    /** No settings: every default of the SDK. */
    public static RunSettings none() {
        return new RunSettings(null, false, null, null, null, null, null, null, null);
    }

    /** {@code spec} with the settings given applied. */
    public <T extends Record> BatchSpec<T> apply(BatchSpec<T> spec) {
        BatchSpec<T> s = spec;
        if (thinking != null) {
            s = s.thinking(thinking);
        }
        if (flex) {
            s = s.flex();
        }
        if (enqueuedTokens != null) {
            s = s.enqueuedTokens(enqueuedTokens);
        }
        if (rpm != null) {
            s = s.rpm(rpm);
        }
        if (rpd != null) {
            s = s.dailyCap(rpd);
        }
        if (spendPer10MinUsd != null) {
            s = s.spendPer10MinUsd(spendPer10MinUsd);
        }
        if (spendPerMonthUsd != null) {
            s = s.spendPerMonthUsd(spendPerMonthUsd);
        }
        if (costDriftFactor != null) {
            s = s.costDriftFactor(costDriftFactor);
        }
        if (vertex != null) {
            s = s.vertex(vertex);
        }
        return s;
    }
}

package dev.newsbatch.internal;

import dev.newsbatch.ModelStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * One model as the catalogue records it: status with dates, limits, thinking rules and sources.
 * Prices are read from the same entry by the planner's pricing table.
 *
 * <pre>{@code
 * CatalogModel m = ModelCatalog.defaults().require("gemini-2.5-flash");
 * m.statusOn(ModelCatalog.today());   // SHUT_DOWN once its shutdown date has passed
 * }</pre>
 *
 * @param id               the model id, e.g. {@code gemini-3.1-flash-lite}
 * @param family           e.g. {@code gemini-3}
 * @param status           the status the catalogue states
 * @param released         release date, or null
 * @param shutdown         (earliest announced) shutdown date, or null
 * @param replacement      the model Google recommends instead, or null
 * @param statusNote       what the sources say where they disagree
 * @param inputTokenLimit  largest prompt in tokens
 * @param outputTokenLimit largest output (thinking included) in tokens
 * @param batch            whether the Batch API serves the model
 * @param flex             whether the Flex service tier serves the model
 * @param thinking         what the model accepts for thinking
 * @param sources          URLs the entry was taken from, with the date read
 */
public record CatalogModel(String id, String family, ModelStatus status, LocalDate released, LocalDate shutdown,
                           String replacement, String statusNote, long inputTokenLimit, long outputTokenLimit,
                           boolean batch, boolean flex, ThinkingRules thinking, List<String> sources) {
    public CatalogModel {
        Checks.notBlank(id, "id");
        Checks.notNull(status, "status");
        Checks.notNull(thinking, "thinking");
        sources = List.copyOf(sources);
    }

    /** The status on {@code day}: shut down from the shutdown date on, whatever the stated status. */
    public ModelStatus statusOn(LocalDate day) {
        if (status == ModelStatus.SHUT_DOWN || (shutdown != null && !shutdown.isAfter(day))) {
            return ModelStatus.SHUT_DOWN;
        }
        return status;
    }

    /** "shut down on 2026-06-17; use gemini-3.6-flash" and the like, for notices. */
    public String lifeLine(LocalDate day) {
        ModelStatus s = statusOn(day);
        String use = replacement == null ? "" : "; use " + replacement + " instead";
        return switch (s) {
            case SHUT_DOWN -> "was shut down" + (shutdown == null ? "" : " on " + shutdown) + use;
            case DEPRECATED -> "is deprecated" + (shutdown == null ? "" : " and shuts down on " + shutdown) + use;
            case PREVIEW -> "is a preview model and may change or go away at short notice";
            case STABLE -> "is stable" + (shutdown == null ? "" : " until " + shutdown);
        };
    }
}

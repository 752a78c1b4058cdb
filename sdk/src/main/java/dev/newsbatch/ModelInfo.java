package dev.newsbatch;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One Gemini model as newsbatch knows it: from the dated model catalogue shipped with the library,
 * from the live {@code models.list} of the API, or both.
 *
 * <pre>{@code
 * Batches.models().forEach(System.out::println);
 * // ModelInfo[gemini-3.1-flash-lite, stable, batch $0.125/$0.75, thinking levels minimal/low/medium/high]
 * }</pre>
 *
 * @param id               the model id, e.g. {@code gemini-3.1-flash-lite}
 * @param status           its status today (null for a live model the catalogue does not know)
 * @param shutdown         the (earliest announced) shutdown date, or null
 * @param replacement      the model recommended instead, or null
 * @param inputTokenLimit  largest prompt in tokens (0 when unknown)
 * @param outputTokenLimit largest output in tokens, thinking included (0 when unknown)
 * @param batch            whether the Batch API serves it
 * @param flex             whether the Flex service tier serves it
 * @param thinking         what it accepts for thinking, e.g. {@code budget 0-24576, can turn off}
 * @param leastThinking    the least thinking it allows ({@code off}, a budget or a level)
 * @param standardInput    USD per 1M input tokens, real-time (NaN when unknown)
 * @param standardOutput   USD per 1M output tokens, real-time
 * @param batchInput       USD per 1M input tokens, Batch API
 * @param batchOutput      USD per 1M output tokens, Batch API
 * @param flexInput        USD per 1M input tokens, Flex (NaN without Flex)
 * @param flexOutput       USD per 1M output tokens, Flex
 * @param origin           where the entry comes from
 * @param note             what the sources say where they disagree, or what the API says
 */
public record ModelInfo(String id, ModelStatus status, LocalDate shutdown, String replacement, long inputTokenLimit,
                        long outputTokenLimit, boolean batch, boolean flex, String thinking, String leastThinking,
                        double standardInput, double standardOutput, double batchInput, double batchOutput,
                        double flexInput, double flexOutput, Origin origin, String note) {

    /** Where a model entry comes from. */
    public enum Origin {
        /** Only the catalogue lists it (the API was not asked, or does not list it). */
        CATALOGUE,
        /** Only the live API lists it: newsbatch has no prices for it and refuses to submit it. */
        LIVE,
        /** Both list it. */
        BOTH
    }

    /** A copy with another origin and note. */
    public ModelInfo origin(Origin o, String newNote) {
        return new ModelInfo(id, status, shutdown, replacement, inputTokenLimit, outputTokenLimit, batch, flex,
                thinking, leastThinking, standardInput, standardOutput, batchInput, batchOutput, flexInput,
                flexOutput, o, newNote);
    }

    @Override
    public String toString() {
        String s = status == null ? "unknown to the catalogue" : status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String price = Double.isNaN(batchInput) ? "no prices" : String.format(Locale.ROOT, "batch $%s/$%s",
                trim(batchInput), trim(batchOutput));
        return "ModelInfo[" + id + ", " + s + (shutdown == null ? "" : " (shutdown " + shutdown + ")")
                + (replacement == null ? "" : ", use " + replacement) + ", " + price + ", thinking " + thinking
                + (origin == Origin.BOTH ? "" : ", " + origin.name().toLowerCase(Locale.ROOT) + " only") + "]";
    }

    private static String trim(double v) {
        String t = String.format(Locale.ROOT, "%.4f", v);
        return t.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}

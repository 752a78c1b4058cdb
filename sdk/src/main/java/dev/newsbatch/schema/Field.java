package dev.newsbatch.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of a classification record for the response schema sent to Gemini.
 *
 * <pre>{@code
 * record Tone(@Field(description = "Overall tone", values = {"calm", "alarmed"}) String tone,
 *             @Field(min = 0, max = 10) int intensity) {}
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Field {
    /** What the model should put here. */
    String description() default "";

    /** The allowed values of a string field; empty means any string. */
    String[] values() default {};

    /** Inclusive minimum of a numeric field; NaN means none. */
    double min() default Double.NaN;

    /** Inclusive maximum of a numeric field; NaN means none. */
    double max() default Double.NaN;

    /** Whether the model may leave this field out. Default: every field is required. */
    boolean optional() default false;
}

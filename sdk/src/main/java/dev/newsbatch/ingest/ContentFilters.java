package dev.newsbatch.ingest;

import java.util.List;

/**
 * The filters of one search for the content: stripping unlikely candidates while scoring, weighting class and
 * id hints, and cleaning forms, tables, lists and divs by their measures.
 */
record ContentFilters(boolean stripUnlikely, boolean weightClasses, boolean cleanConditionally) {
    /** The searches in the order they are tried: all filters, then one fewer each time, then none. */
    static final List<ContentFilters> IN_ORDER = List.of(
            new ContentFilters(true, true, true),
            new ContentFilters(false, true, true),
            new ContentFilters(false, false, true),
            new ContentFilters(false, false, false));
}

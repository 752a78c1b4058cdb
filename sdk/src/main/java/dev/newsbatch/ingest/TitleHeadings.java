package dev.newsbatch.ingest;

import java.util.HashSet;
import java.util.Set;

/**
 * Tells the headings of a page that repeat its title: those whose words are more than 75% the title's (see
 * {@link Text#similarity(Set, String)}). Each heading is compared once, however many searches ask.
 */
final class TitleHeadings {
    private final PageTree tree;
    private final String title;
    private Set<String> titleWords;
    /** By node number: 0 not compared yet, 1 repeats the title, 2 does not; null until the first comparison. */
    private byte[] known;

    TitleHeadings(PageTree tree, String title) {
        this.tree = tree;
        this.title = title;
    }

    /** True when element {@code e} has text that repeats the title; false for any element when there is no title. */
    boolean repeatsTitle(int e) {
        if (title == null) {
            return false;
        }
        if (known == null) {
            known = new byte[tree.size()];
            titleWords = new HashSet<>(Text.tokens(title));
        }
        if (known[e] == 0) {
            known[e] = Text.similarity(titleWords, tree.text(e)) > 0.75 ? (byte) 1 : (byte) 2;
        }
        return known[e] == 1;
    }
}

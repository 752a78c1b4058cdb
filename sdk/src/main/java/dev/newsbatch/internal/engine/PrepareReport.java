package dev.newsbatch.internal.engine;

/**
 * What {@link BatchEngine#prepare} did.
 *
 * <pre>{@code
 * PrepareReport r = engine.prepare(settings, articles.iterator());
 * System.out.println(r);   // Prepared[new=1200, alreadyKnown=0, tooLarge=1, files=2]
 * }</pre>
 *
 * @param added        articles newly recorded and written to request files
 * @param alreadyKnown articles skipped because the run already has them
 * @param tooLarge     articles refused for exceeding the input limit
 * @param files        request files written
 * @param bytes        bytes written
 * @param estTokens    estimated input tokens of the added articles
 */
public record PrepareReport(long added, long alreadyKnown, long tooLarge, int files, long bytes, long estTokens) {
    @Override
    public String toString() {
        return "Prepared[new=" + added + ", alreadyKnown=" + alreadyKnown + ", tooLarge=" + tooLarge
                + ", files=" + files + "]";
    }
}

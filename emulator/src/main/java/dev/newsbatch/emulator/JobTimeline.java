package dev.newsbatch.emulator;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When every batch job of a state directory is processed, computed from the jobs' facts alone, so every
 * emulator on the directory (after a restart, or in another process) computes the same history.
 *
 * <p>Jobs with {@link JobFacts#sharedThroughput()} share one project-wide processor: they are taken in
 * admission order ({@link JobFacts#sequence()}, then creation time, then id) and
 * {@code start_i = max(create_i + startDelay_i, release_{i-1})}, {@code finish_i = start_i + tokens_i / speed_i}.
 * A job releases the processor at its finish, or earlier when it is cancelled, deleted or expires while
 * being processed; a job cancelled, deleted or expired before its start never holds it. Other jobs run on
 * their own: {@code start = create + startDelay}.
 *
 * <pre>{@code
 * JobTimeline t = store.jobs().timeline();   // JobTimeline.of(all the facts), kept by the index
 * JobView v = t.view(facts, now);   // PENDING while earlier jobs hold the processor
 * }</pre>
 */
final class JobTimeline {
    /** Admission order: sequence, then creation time, then id. */
    static final Comparator<JobFacts> ORDER = Comparator.comparingLong(JobFacts::sequence)
            .thenComparing(JobFacts::created).thenComparing(JobFacts::id);

    /** The processing window of one job. */
    record Slot(Instant start, Instant finish) {}

    /**
     * Windows of the shared jobs. A timeline extended by {@link #plus} shares this map with the one it extends:
     * the window added is the one the older timeline computes for a job it does not know, so both answer alike.
     */
    private final Map<String, Slot> slots;
    private final Instant free;
    private final long lastSequence;
    /** The last shared job in admission order, or null. */
    private final JobFacts last;

    private JobTimeline(Map<String, Slot> slots, Instant free, long lastSequence, JobFacts last) {
        this.slots = slots;
        this.free = free;
        this.lastSequence = lastSequence;
        this.last = last;
    }

    /** The timeline of {@code jobs}: all the facts of a state directory, deleted jobs included. */
    static JobTimeline of(Collection<JobFacts> jobs) {
        List<JobFacts> shared = jobs.stream().filter(JobFacts::sharedThroughput).sorted(ORDER).toList();
        Map<String, Slot> slots = new ConcurrentHashMap<>();
        Instant free = Instant.MIN;
        for (JobFacts f : shared) {
            Slot s = next(f, free);
            slots.put(f.id(), s);
            Instant release = release(f, s);
            if (release.isAfter(s.start())) {
                free = release;
            }
        }
        long last = jobs.stream().mapToLong(JobFacts::sequence).max().orElse(0);
        return new JobTimeline(slots, free, last, shared.isEmpty() ? null : shared.get(shared.size() - 1));
    }

    /**
     * This timeline with the new job {@code f} added, in O(1) when {@code f} comes after every shared job in
     * admission order (as a job just admitted does); null when the whole history has to be recomputed.
     */
    JobTimeline plus(JobFacts f) {
        long seq = Math.max(lastSequence, f.sequence());
        if (!f.sharedThroughput()) {
            return new JobTimeline(slots, free, seq, last);
        }
        if (slots.containsKey(f.id()) || last != null && ORDER.compare(f, last) <= 0) {
            return null;
        }
        Slot s = next(f, free);
        slots.put(f.id(), s);
        Instant release = release(f, s);
        return new JobTimeline(slots, release.isAfter(s.start()) ? release : free, seq, f);
    }

    /** The window of {@code f}: its place in the queue, or its own window if it does not share the processor. */
    Slot slot(JobFacts f) {
        if (!f.sharedThroughput()) {
            return next(f, Instant.MIN);
        }
        Slot s = slots.get(f.id());
        return s != null ? s : next(f, free);
    }

    /** The job {@code f} as seen at {@code now}. */
    JobView view(JobFacts f, Instant now) {
        Slot s = slot(f);
        return JobView.of(f, s.start(), s.finish(), now);
    }

    /** When {@code f} reaches its terminal state if nobody cancels it. */
    Instant expectedEnd(JobFacts f) {
        return JobView.expectedEnd(f, slot(f).finish());
    }

    /** The sequence number the next admitted job gets. */
    long nextSequence() {
        return lastSequence + 1;
    }

    /** When the processor is free of every job admitted so far (the distant past if it never was busy). */
    Instant free() {
        return free;
    }

    private static Slot next(JobFacts f, Instant free) {
        Instant ready = f.created().plusMillis(f.startDelayMillis());
        Instant start = ready.isAfter(free) ? ready : free;
        return new Slot(start, start.plus(f.processingTime()));
    }

    /** When {@code f} stops being processed: finish, expiry, cancel or delete, whichever comes first. */
    private static Instant release(JobFacts f, Slot s) {
        Instant stop = JobView.expectedEnd(f, s.finish());
        for (String t : new String[] {f.cancelTime(), f.deleteTime()}) {
            if (t != null && Instant.parse(t).isBefore(stop)) {
                stop = Instant.parse(t);
            }
        }
        return stop;
    }

    @Override
    public String toString() {
        return "JobTimeline[" + slots.size() + " shared jobs, free from " + free + "]";
    }
}

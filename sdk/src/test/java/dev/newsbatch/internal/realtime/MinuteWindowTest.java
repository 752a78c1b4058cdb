package dev.newsbatch.internal.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MinuteWindowTest {
    static final long SECOND = 1_000_000_000L;
    final AtomicLong now = new AtomicLong(1_000 * SECOND);
    final MinuteWindow window = new MinuteWindow(3, Duration.ofMinutes(1), now::get);

    List<MinuteWindow.Slot> take(int n) {
        List<MinuteWindow.Slot> slots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            slots.add(window.tryAcquire().orElseThrow(() -> new AssertionError("no slot free")));
        }
        return slots;
    }

    @Test
    void anAnsweredRequestCountsForAMinuteAfterItsAnswer() {
        List<MinuteWindow.Slot> slots = take(3);
        assertTrue(window.tryAcquire().isEmpty(), "three in flight fill a window of three");
        now.addAndGet(5 * SECOND);
        slots.forEach(MinuteWindow.Slot::counted);
        now.addAndGet(60 * SECOND - 1);
        assertTrue(window.tryAcquire().isEmpty(), "still within a minute of the answers");
        now.addAndGet(1);
        take(3);
    }

    @Test
    void aRequestGeminiDidNotCountFreesItsPlaceAtOnce() {
        List<MinuteWindow.Slot> slots = take(3);
        slots.get(1).unused();
        take(1);
        assertTrue(window.tryAcquire().isEmpty());
        assertEquals(3, window.held());
    }

    @Test
    void aSlotIsSettledOnce() {
        MinuteWindow.Slot slot = take(1).get(0);
        slot.unused();
        slot.counted();
        slot.unused();
        assertEquals(0, window.held());
    }

    @Test
    void acquireWaitsForAPlaceGivenBack() throws Exception {
        List<MinuteWindow.Slot> slots = take(3);
        Thread giver = new Thread(() -> slots.get(0).unused());
        giver.start();
        MinuteWindow.Slot next = window.acquire();   // returns once the 503'd request gives its place back
        giver.join();
        next.counted();
        assertEquals(3, window.held());
    }
}

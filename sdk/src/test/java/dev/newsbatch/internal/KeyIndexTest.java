package dev.newsbatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyIndexTest {
    @Test
    void aKeySeenAgainGivesTheValueRecordedFirst() {
        KeyIndex seen = new KeyIndex();
        assertEquals(-1, seen.putIfAbsent("a-17", 3));
        assertEquals(3, seen.putIfAbsent("a-17", 9));
        assertEquals(-1, seen.putIfAbsent("a-18", 9));
        assertEquals(2, seen.size());
    }

    @Test
    void keysThatDifferByOneCharacterOrByLengthAreDifferent() {
        KeyIndex seen = new KeyIndex();
        assertTrue(seen.add(""));
        assertTrue(seen.add("a"));
        assertTrue(seen.add("a\0"));
        assertTrue(seen.add("b"));
        assertTrue(seen.add("ab"));
        assertTrue(seen.add("ba"));
        assertFalse(seen.add("ab"));
        assertEquals(6, seen.size());
    }

    @Test
    void keepsEveryKeyAndItsValueAcrossManyGrowths() {
        KeyIndex seen = new KeyIndex();
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            assertEquals(-1, seen.putIfAbsent("art-" + i, i), "art-" + i);
        }
        assertEquals(n, seen.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, seen.putIfAbsent("art-" + i, 0), "art-" + i);
        }
        assertEquals(n, seen.size());
    }

    @Test
    void refusesAValueOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new KeyIndex().putIfAbsent("k", -1));
        assertThrows(IllegalArgumentException.class, () -> new KeyIndex().putIfAbsent("k", KeyIndex.MAX_VALUE + 1));
        KeyIndex seen = new KeyIndex();
        seen.putIfAbsent("k", KeyIndex.MAX_VALUE);
        assertEquals(KeyIndex.MAX_VALUE, seen.putIfAbsent("k", 0));
    }
}

package dev.newsbatch.internal;

/**
 * A compact set of strings seen, each with a number (0 to 2³²-1) recorded when first seen: every string
 * is kept as a 96-bit fingerprint and its number in two longs of one open-addressing table (23 to 46 bytes
 * an entry as the table fills, against about 150 for a {@code HashMap<String, Long>}), so sets of millions
 * of ids or keys stay small. Two different strings share a fingerprint with a chance of about n²/2⁹⁷
 * (below 10⁻¹⁷ for a million strings); callers for whom even that matters confirm a hit against their
 * own records. Not thread-safe.
 *
 * <pre>{@code
 * KeyIndex seen = new KeyIndex();
 * seen.putIfAbsent("a-17", 3);   // -1: new, line 3 recorded
 * seen.putIfAbsent("a-17", 9);   // 3: seen before, on line 3
 * }</pre>
 */
public final class KeyIndex {
    private static final int SLOT = 2;
    /** The largest number an entry holds. */
    public static final long MAX_VALUE = 0xFFFF_FFFFL;
    private static final double LOAD = 0.7;

    private long[] table;
    private int capacity;
    private int size;

    /** An empty index. */
    public KeyIndex() {
        capacity = 1024;
        table = new long[capacity * SLOT];
    }

    /**
     * Records {@code key} with {@code value} (0 to {@link #MAX_VALUE}) unless it is there already.
     *
     * @return the value recorded when {@code key} was first seen, or -1 when it is new
     */
    public long putIfAbsent(String key, long value) {
        Checks.notNull(key, "key");
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("value must be >= 0 and <= " + MAX_VALUE + ", was " + value);
        }
        long h1 = 0xcbf29ce484222325L;
        long h2 = 0x9E3779B97F4A7C15L ^ key.length();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            h1 = (h1 ^ c) * 0x100000001b3L;
            h2 = Long.rotateLeft((h2 ^ c) * 0xC2B2AE3D27D4EB4FL, 31);
        }
        h1 = mix(h1 ^ key.length());
        h2 = mix(h2);
        if (h1 == 0) {
            h1 = 1;   // 0 marks an empty slot
        }
        if (size + 1 > capacity * LOAD) {
            grow();
        }
        long high = h2 & 0xFFFF_FFFF_0000_0000L;
        int at = find(table, capacity, h1, high);
        if (table[at] != 0) {
            return table[at + 1] & MAX_VALUE;
        }
        table[at] = h1;
        table[at + 1] = high | value;
        size++;
        return -1;
    }

    /** Records {@code key}; true when it is new. */
    public boolean add(String key) {
        return putIfAbsent(key, 0) < 0;
    }

    /** How many different keys were recorded. */
    public int size() {
        return size;
    }

    /** The slot holding the fingerprint, or the empty slot where it goes. */
    private static int find(long[] table, int capacity, long h1, long high) {
        int mask = capacity - 1;
        int i = (int) (h1 ^ (h1 >>> 32)) & mask;
        while (true) {
            int at = i * SLOT;
            if (table[at] == 0 || table[at] == h1 && (table[at + 1] & ~MAX_VALUE) == high) {
                return at;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        int bigger = capacity * 2;
        long[] next = new long[bigger * SLOT];
        for (int at = 0; at < table.length; at += SLOT) {
            if (table[at] != 0) {
                int to = find(next, bigger, table[at], table[at + 1] & ~MAX_VALUE);
                next[to] = table[at];
                next[to + 1] = table[at + 1];
            }
        }
        table = next;
        capacity = bigger;
    }

    /** The 64-bit finaliser of MurmurHash3: every input bit reaches every output bit. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93e1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public String toString() {
        return "KeyIndex[size=" + size + "]";
    }
}

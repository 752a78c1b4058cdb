package dev.newsbatch.emulator;

/** Reproducible pseudo-random numbers: the n-th draw of a named stream under a seed. */
final class Draws {
    private Draws() {}

    /** A number in [0, 1) that depends only on the arguments. */
    static double unit(long seed, String stream, long n) {
        long h = mix(seed ^ mix(stream.hashCode() * 0x9E3779B97F4A7C15L) ^ mix(n + 0x632BE59BD9B4E019L));
        return (h >>> 11) * 0x1.0p-53;
    }

    /** True with probability {@code rate}. */
    static boolean hit(double rate, long seed, String stream, long n) {
        return rate > 0 && (rate >= 1 || unit(seed, stream, n) < rate);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package dev.newsbatch.emulator;

import java.security.SecureRandom;

/** Random resource ids of lowercase letters and digits, like the real service's. */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Ids() {}

    /** A numeric id of {@code length} digits, not starting with 0, like Vertex AI's job ids. */
    static String digits(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = (char) ('0' + (i == 0 ? 1 + RANDOM.nextInt(9) : RANDOM.nextInt(10)));
        }
        return new String(out);
    }

    static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}

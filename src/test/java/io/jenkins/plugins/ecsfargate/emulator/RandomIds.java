package io.jenkins.plugins.ecsfargate.emulator;

import java.util.Random;

/** Random id suffixes in AWS's alphabets, from one seeded generator per service so that runs repeat. */
final class RandomIds {

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz234567";

    private final Random random;

    RandomIds(Random random) {
        this.random = random;
    }

    /** Upper-case letters and digits, as in IAM ids ({@code AROA…}) and access key ids. */
    synchronized String upper(int length) {
        return pick(UPPER, length);
    }

    /** Lower-case letters and digits, as in Cloud Map ids ({@code ns-…}, {@code srv-…}). */
    synchronized String lower(int length) {
        return pick(LOWER, length);
    }

    private String pick(String alphabet, int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}

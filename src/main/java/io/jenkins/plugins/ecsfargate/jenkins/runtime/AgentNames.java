package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Agent names: {@code <cloud>-<template>-<5 random base-36 characters>}. Readable in the node list and in ECS (the
 * name is also the task's agent tag), and unique: a name already taken is never reused, so a late event about an
 * old agent can never hit a new one.
 */
public final class AgentNames {
    static final int SUFFIX_LENGTH = 5;
    private static final int MAX_PREFIX = 100;
    private static final int ATTEMPTS = 100;

    private AgentNames() {}

    /** A fresh name for an agent of {@code template} in {@code cloud}; {@code taken} says which names exist. */
    public static String next(String cloud, String template, RandomGenerator random, Predicate<String> taken) {
        String prefix = clean(cloud) + "-" + clean(template);
        if (prefix.length() > MAX_PREFIX) {
            prefix = prefix.substring(0, MAX_PREFIX);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String name = prefix + "-" + suffix(random);
            if (!taken.test(name)) {
                return name;
            }
        }
        throw new IllegalStateException("no free agent name for " + prefix + " after " + ATTEMPTS + " attempts");
    }

    private static String suffix(RandomGenerator random) {
        StringBuilder text = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            text.append(Character.forDigit(random.nextInt(36), 36));
        }
        return text.toString();
    }

    private static String clean(String part) {
        String lower = part == null ? "" : part.toLowerCase(Locale.ROOT);
        String cleaned = lower.replaceAll("[^a-z0-9_.-]+", "-").replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "agent" : cleaned;
    }
}

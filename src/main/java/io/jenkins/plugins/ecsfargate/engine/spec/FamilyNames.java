package io.jenkins.plugins.ecsfargate.engine.spec;

/**
 * Task-definition family names from cloud and template names: readable in the ECS console, valid for ECS (at most
 * 255 characters of {@code [A-Za-z0-9_-]}), and distinct for distinct (cloud, template) pairs.
 *
 * <p>The form is {@code jenkins_<cloud>_<template>}. Both names are written with {@code -} in place of every
 * character outside {@code [A-Za-z0-9-]} (underscore included, so the two underscores separate unambiguously).
 * When that replacement changed anything, or the name had to be shortened, an {@code _h} and 8 hex digits of a
 * hash of the original pair are appended, so {@code a.b} and {@code a-b} never share a family.
 */
public final class FamilyNames {
    public static final int MAX_LENGTH = 255;
    static final String PREFIX = "jenkins";
    private static final int HASH_HEX_DIGITS = 8;

    private FamilyNames() {}

    public static String of(String cloud, String template) {
        if (cloud == null || cloud.isEmpty() || template == null || template.isEmpty()) {
            throw new IllegalArgumentException("cloud and template names are required for a family name");
        }
        String safeCloud = sanitize(cloud);
        String safeTemplate = sanitize(template);
        String plain = PREFIX + "_" + safeCloud + "_" + safeTemplate;
        boolean altered = !safeCloud.equals(cloud) || !safeTemplate.equals(template);
        if (!altered && plain.length() <= MAX_LENGTH) {
            return plain;
        }
        String suffix = "_h" + shortHash(cloud, template);
        String head = plain.length() + suffix.length() > MAX_LENGTH
                ? plain.substring(0, MAX_LENGTH - suffix.length())
                : plain;
        return head + suffix;
    }

    /** The start every family of {@code cloud} shares, for listing a cloud's families. */
    public static String prefixFor(String cloud) {
        return PREFIX + "_" + sanitize(cloud) + "_";
    }

    private static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            out.append(allowed ? c : '-');
        }
        return out.toString();
    }

    private static String shortHash(String cloud, String template) {
        return SpecHash.sha256Hex(cloud + '\u0000' + template).substring(0, HASH_HEX_DIGITS);
    }
}

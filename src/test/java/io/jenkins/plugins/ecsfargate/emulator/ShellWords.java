package io.jenkins.plugins.ecsfargate.emulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a string into words as a POSIX shell parses an unexpanded command line: blanks separate words, single
 * quotes keep everything literally, double quotes keep blanks (a backslash escapes {@code $ ` " \} and newline in
 * them), a backslash outside quotes escapes the next character. No expansion of any kind happens.
 */
final class ShellWords {
    private ShellWords() {}

    /** The words of {@code text}; IllegalArgumentException for an unterminated quote or a trailing backslash. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated single quote at " + i);
                }
                word.append(text, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(text, i + 1, word);
            } else if (c == '\\') {
                if (i + 1 >= text.length()) {
                    throw new IllegalArgumentException("trailing backslash");
                }
                if (text.charAt(i + 1) != '\n') {
                    word.append(text.charAt(i + 1));
                }
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the double-quoted text starting at {@code start}; returns the index after the closing quote. */
    private static int doubleQuoted(String text, int start, StringBuilder word) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < text.length() && "$`\"\\\n".indexOf(text.charAt(i + 1)) >= 0) {
                if (text.charAt(i + 1) != '\n') {
                    word.append(text.charAt(i + 1));
                }
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated double quote at " + (start - 1));
    }
}

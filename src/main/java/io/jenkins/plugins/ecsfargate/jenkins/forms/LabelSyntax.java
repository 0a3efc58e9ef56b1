package io.jenkins.plugins.ecsfargate.jenkins.forms;

import java.util.ArrayList;
import java.util.List;

/**
 * The syntax of Jenkins label expressions ({@code linux && !arm}, {@code (a || b) -> c}, quoted atoms), checked
 * without a running Jenkins so that a typo in a template's labels is reported on the form instead of as a build
 * that waits forever. Atoms are what Jenkins accepts unquoted: any run of characters other than whitespace,
 * {@code & | ! ( ) " <}.
 */
public final class LabelSyntax {
    private final List<String> tokens;
    private int position;

    private LabelSyntax(List<String> tokens) {
        this.tokens = tokens;
    }

    /** Whether {@code expression} is a well-formed label expression. */
    public static boolean isExpression(String expression) {
        List<String> tokens = tokenize(expression);
        if (tokens == null || tokens.isEmpty()) {
            return false;
        }
        LabelSyntax parser = new LabelSyntax(tokens);
        return parser.iff() && parser.position == tokens.size();
    }

    /** Whether {@code label} can be written in an expression without quotes. */
    public static boolean isPlainAtom(String label) {
        List<String> tokens = tokenize(label);
        return tokens != null
                && tokens.size() == 1
                && isAtom(tokens.get(0))
                && !tokens.get(0).startsWith("\"");
    }

    private boolean iff() {
        if (!implies()) {
            return false;
        }
        while (accept("<->")) {
            if (!implies()) {
                return false;
            }
        }
        return true;
    }

    private boolean implies() {
        if (!or()) {
            return false;
        }
        while (accept("->")) {
            if (!or()) {
                return false;
            }
        }
        return true;
    }

    private boolean or() {
        if (!and()) {
            return false;
        }
        while (accept("||")) {
            if (!and()) {
                return false;
            }
        }
        return true;
    }

    private boolean and() {
        if (!not()) {
            return false;
        }
        while (accept("&&")) {
            if (!not()) {
                return false;
            }
        }
        return true;
    }

    private boolean not() {
        if (accept("!")) {
            return not();
        }
        if (accept("(")) {
            return iff() && accept(")");
        }
        if (position < tokens.size() && isAtom(tokens.get(position))) {
            position++;
            return true;
        }
        return false;
    }

    private boolean accept(String operator) {
        if (position < tokens.size() && tokens.get(position).equals(operator)) {
            position++;
            return true;
        }
        return false;
    }

    private static boolean isAtom(String token) {
        return switch (token) {
            case "&&", "||", "!", "(", ")", "->", "<->" -> false;
            default -> true;
        };
    }

    /** The tokens of {@code text}, or null when it holds a stray operator character or an open quote. */
    private static List<String> tokenize(String text) {
        if (text == null) {
            return null;
        }
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("&&", i) || text.startsWith("||", i) || text.startsWith("->", i)) {
                tokens.add(text.substring(i, i + 2));
                i += 2;
            } else if (text.startsWith("<->", i)) {
                tokens.add("<->");
                i += 3;
            } else if (c == '!' || c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int end = quoteEnd(text, i + 1);
                if (end < 0) {
                    return null;
                }
                tokens.add(text.substring(i, end + 1));
                i = end + 1;
            } else if (c == '&' || c == '|' || c == '<') {
                return null;
            } else {
                int start = i;
                while (i < text.length() && !isDelimiter(text.charAt(i))) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }

    private static int quoteEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || "&|!()\"<".indexOf(c) >= 0;
    }
}

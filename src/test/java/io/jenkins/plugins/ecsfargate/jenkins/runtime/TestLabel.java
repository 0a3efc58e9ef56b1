package io.jenkins.plugins.ecsfargate.jenkins.runtime;

import hudson.model.Label;
import hudson.util.VariableResolver;

/**
 * A label expression for tests, parsed as Jenkins does: atoms, {@code !}, {@code &&}, {@code ||} and parentheses
 * ({@code !} binds tightest, then {@code &&}, then {@code ||}). The stand-in cannot parse expressions without a
 * running Jenkins.
 */
final class TestLabel extends Label {
    TestLabel(String expression) {
        super(expression);
    }

    @Override
    public String getExpression() {
        return name;
    }

    @Override
    public boolean matches(VariableResolver<Boolean> resolver) {
        Parser parser = new Parser(name, resolver);
        boolean result = parser.or();
        if (parser.pos < name.length()) {
            throw new IllegalArgumentException("unexpected input at " + parser.pos + " in " + name);
        }
        return result;
    }

    private static final class Parser {
        private final String text;
        private final VariableResolver<Boolean> resolver;
        private int pos;

        Parser(String text, VariableResolver<Boolean> resolver) {
            this.text = text;
            this.resolver = resolver;
        }

        boolean or() {
            boolean value = and();
            while (eat("||")) {
                value = and() | value;
            }
            return value;
        }

        boolean and() {
            boolean value = not();
            while (eat("&&")) {
                value = not() & value;
            }
            return value;
        }

        boolean not() {
            if (eat("!")) {
                return !not();
            }
            if (eat("(")) {
                boolean value = or();
                if (!eat(")")) {
                    throw new IllegalArgumentException("missing ) in " + text);
                }
                return value;
            }
            skipSpaces();
            int start = pos;
            while (pos < text.length()
                    && (Character.isLetterOrDigit(text.charAt(pos)) || "-_.".indexOf(text.charAt(pos)) >= 0)) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("atom expected at " + pos + " in " + text);
            }
            return Boolean.TRUE.equals(resolver.resolve(text.substring(start, pos)));
        }

        private boolean eat(String token) {
            skipSpaces();
            if (text.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private void skipSpaces() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }
    }
}

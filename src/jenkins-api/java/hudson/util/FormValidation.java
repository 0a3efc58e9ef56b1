// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.util;

import java.io.IOException;

public abstract class FormValidation extends IOException {
    public final Kind kind;

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FormValidation ok() {
        return new Simple(Kind.OK, null);
    }

    public static FormValidation ok(String message) {
        return new Simple(Kind.OK, message);
    }

    public static FormValidation warning(String message) {
        return new Simple(Kind.WARNING, message);
    }

    public static FormValidation error(String message) {
        return new Simple(Kind.ERROR, message);
    }

    public abstract String renderHtml();

    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    private static final class Simple extends FormValidation {
        Simple(Kind kind, String message) {
            super(kind, message);
        }

        @Override
        public String renderHtml() {
            return getMessage();
        }
    }
}

// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.util;

import java.io.IOException;
import java.util.Collection;
import org.kohsuke.stapler.HttpResponse;

/**
 * Keeps the kind and the message. The {@code validate…} helpers need Jenkins' own message bundle and throw here:
 * plugin checks that tests exercise should state their own rules and messages.
 */
public abstract class FormValidation extends IOException implements HttpResponse {
    public final Kind kind;

    private FormValidation(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static FormValidation ok() {
        return new Simple(Kind.OK, null, null);
    }

    public static FormValidation ok(String message) {
        return new Simple(Kind.OK, message, null);
    }

    public static FormValidation ok(String format, Object... args) {
        return ok(String.format(format, args));
    }

    public static FormValidation warning(String message) {
        return new Simple(Kind.WARNING, message, null);
    }

    public static FormValidation warning(String format, Object... args) {
        return warning(String.format(format, args));
    }

    public static FormValidation warning(Throwable e, String message) {
        return new Simple(Kind.WARNING, message, e);
    }

    public static FormValidation error(String message) {
        return new Simple(Kind.ERROR, message, null);
    }

    public static FormValidation error(String format, Object... args) {
        return error(String.format(format, args));
    }

    public static FormValidation error(Throwable e, String message) {
        return new Simple(Kind.ERROR, message, e);
    }

    /** Keeps the markup as given; Jenkins renders it unescaped, so callers escape what they did not write. */
    public static FormValidation errorWithMarkup(String message) {
        return new Simple(Kind.ERROR, message, null);
    }

    public static FormValidation warningWithMarkup(String message) {
        return new Simple(Kind.WARNING, message, null);
    }

    public static FormValidation okWithMarkup(String message) {
        return new Simple(Kind.OK, message, null);
    }

    public static FormValidation aggregate(Collection<FormValidation> validations) {
        throw new UnsupportedOperationException("stand-in");
    }

    public static FormValidation validatePositiveInteger(String value) {
        throw new UnsupportedOperationException("stand-in: needs Jenkins' messages");
    }

    public static FormValidation validateNonNegativeInteger(String value) {
        throw new UnsupportedOperationException("stand-in: needs Jenkins' messages");
    }

    public static FormValidation validateIntegerInRange(String value, int lower, int upper) {
        throw new UnsupportedOperationException("stand-in: needs Jenkins' messages");
    }

    public static FormValidation validateRequired(String value) {
        throw new UnsupportedOperationException("stand-in: needs Jenkins' messages");
    }

    public abstract String renderHtml();

    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    private static final class Simple extends FormValidation {
        private static final long serialVersionUID = 1L;

        Simple(Kind kind, String message, Throwable cause) {
            super(kind, message, cause);
        }

        @Override
        public String renderHtml() {
            return getMessage();
        }
    }
}

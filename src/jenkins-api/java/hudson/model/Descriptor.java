// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

public abstract class Descriptor<T extends Describable<T>> {
    public final Class<? extends T> clazz;

    protected Descriptor(Class<? extends T> clazz) {
        this.clazz = clazz;
    }

    protected Descriptor() {
        this.clazz = null;
    }

    public String getDisplayName() {
        return null;
    }

    public String getId() {
        return null;
    }

    public void load() {}

    public void save() {}

    public static final class FormException extends Exception {
        private final String field;

        public FormException(String message, String field) {
            super(message);
            this.field = field;
        }

        public FormException(String message, Throwable cause, String field) {
            super(message, cause);
            this.field = field;
        }

        public FormException(Throwable cause, String field) {
            super(cause);
            this.field = field;
        }

        public String getFormField() {
            return field;
        }
    }
}

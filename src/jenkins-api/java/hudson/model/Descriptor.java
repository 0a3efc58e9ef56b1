// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

import org.kohsuke.stapler.HttpResponse;

public abstract class Descriptor<T extends Describable<T>> implements Saveable {
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

    public String getHelpFile() {
        return null;
    }

    public String getHelpFile(String fieldName) {
        return null;
    }

    public String getConfigPage() {
        return null;
    }

    public void load() {}

    @Override
    public void save() {}

    public static final class FormException extends Exception implements HttpResponse {
        private final String formField;

        public FormException(String message, String field) {
            super(message);
            this.formField = field;
        }

        public FormException(String message, Throwable cause, String field) {
            super(message, cause);
            this.formField = field;
        }

        public FormException(Throwable cause, String field) {
            super(cause);
            this.formField = field;
        }

        public String getFormField() {
            return formField;
        }
    }
}

// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson;

import java.util.AbstractList;

/** Always empty: there are no registered extensions without a running Jenkins. */
public class ExtensionList<T> extends AbstractList<T> {
    public final Class<T> extensionType;

    protected ExtensionList(jenkins.model.Jenkins jenkins, Class<T> extensionType) {
        this.extensionType = extensionType;
    }

    @Override
    public T get(int index) {
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public int size() {
        return 0;
    }

    public <U extends T> U get(Class<U> type) {
        return null;
    }

    public static <T> ExtensionList<T> lookup(Class<T> type) {
        return new ExtensionList<>(null, type);
    }

    /** Throws, as the real one does when there is not exactly one instance. */
    public static <U> U lookupSingleton(Class<U> type) {
        throw new IllegalStateException("no instance of " + type.getName());
    }

    public static <U> U lookupFirst(Class<U> type) {
        throw new IllegalStateException("no instance of " + type.getName());
    }
}

// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson;

import hudson.model.Describable;
import hudson.model.Descriptor;

public class DescriptorExtensionList<T extends Describable<T>, D extends Descriptor<T>> extends ExtensionList<D> {
    @SuppressWarnings("unchecked")
    protected DescriptorExtensionList(jenkins.model.Jenkins jenkins, Class<T> describableType) {
        super(jenkins, (Class<D>) (Class<?>) Descriptor.class);
    }

    public D find(Class<? extends T> type) {
        return null;
    }

    public D findByName(String id) {
        return null;
    }
}

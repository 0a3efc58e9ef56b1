// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.slaves;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

public class AbstractCloudComputer<T extends AbstractCloudSlave> extends SlaveComputer {
    public AbstractCloudComputer(T slave) {
        super(slave);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T getNode() {
        return (T) super.getNode();
    }

    @Override
    public HttpResponse doDoDelete() throws IOException {
        return null;
    }
}

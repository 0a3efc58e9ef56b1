// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

import java.io.IOException;

public interface Saveable {
    void save() throws IOException;
}

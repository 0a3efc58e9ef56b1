// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.slaves;

import java.util.Date;

/** Plugins subclass this and override {@code toString()} for the text Jenkins shows. */
public abstract class OfflineCause {
    protected final long timestamp = System.currentTimeMillis();

    public long getTimestamp() {
        return timestamp;
    }

    public final Date getTime() {
        return new Date(timestamp);
    }
}

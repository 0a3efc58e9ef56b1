// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package jenkins.util;

import java.util.concurrent.ScheduledExecutorService;

/** Jenkins' shared scheduler; the stand-in has none and returns null. */
public class Timer {
    private Timer() {}

    public static ScheduledExecutorService get() {
        return null;
    }
}

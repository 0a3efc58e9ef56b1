// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package jenkins.util;

import java.util.concurrent.ScheduledExecutorService;

/** Jenkins' shared scheduler. The stand-in has none: code under test should take its scheduler as a parameter. */
public class Timer {
    private Timer() {}

    public static ScheduledExecutorService get() {
        throw new IllegalStateException("no Jenkins timer in the stand-in API");
    }
}

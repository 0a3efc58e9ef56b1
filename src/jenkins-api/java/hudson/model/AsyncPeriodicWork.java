// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

import java.io.IOException;

/** Its {@link #doRun} does nothing here: Jenkins calls {@link #execute} on its own thread. */
public abstract class AsyncPeriodicWork extends PeriodicWork {
    public final String name;

    protected AsyncPeriodicWork(String name) {
        this.name = name;
    }

    @Override
    public final void doRun() {}

    protected abstract void execute(TaskListener listener) throws IOException, InterruptedException;
}

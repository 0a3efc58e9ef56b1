// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model.queue;

import hudson.model.TaskListener;

public abstract class CauseOfBlockage {
    public abstract String getShortDescription();

    /** As Jenkins: one line with the short description (a waiting pipeline prints it to its log). */
    public void print(TaskListener listener) {
        listener.getLogger().println(getShortDescription());
    }

    @Override
    public String toString() {
        return getShortDescription();
    }
}

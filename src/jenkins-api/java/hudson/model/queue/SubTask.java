// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model.queue;

import hudson.model.Label;
import hudson.model.Queue;
import hudson.model.ResourceActivity;
import java.io.IOException;

public interface SubTask extends ResourceActivity {
    default Label getAssignedLabel() {
        return null;
    }

    default long getEstimatedDuration() {
        return -1;
    }

    Queue.Executable createExecutable() throws IOException;

    default Queue.Task getOwnerTask() {
        return null;
    }
}

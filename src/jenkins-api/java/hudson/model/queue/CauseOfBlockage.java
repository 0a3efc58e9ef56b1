// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model.queue;

public abstract class CauseOfBlockage {
    public abstract String getShortDescription();

    @Override
    public String toString() {
        return getShortDescription();
    }
}

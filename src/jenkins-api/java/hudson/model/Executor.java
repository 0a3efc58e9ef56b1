// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

/** Stores its owner and number; it runs nothing. */
public class Executor extends Thread implements ModelObject {
    protected final Computer owner;
    private final int number;

    public Executor(Computer owner, int n) {
        this.owner = owner;
        this.number = n;
    }

    public Computer getOwner() {
        return owner;
    }

    public int getNumber() {
        return number;
    }

    @Override
    public String getDisplayName() {
        return "Executor #" + number;
    }

    public Queue.Executable getCurrentExecutable() {
        return null;
    }

    public boolean isIdle() {
        return true;
    }

    public boolean isBusy() {
        return false;
    }

    public long getIdleStartMilliseconds() {
        return 0;
    }
}

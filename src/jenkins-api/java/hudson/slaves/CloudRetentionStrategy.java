// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.slaves;

/** Never takes an agent offline. */
@SuppressWarnings("rawtypes")
public class CloudRetentionStrategy extends RetentionStrategy<AbstractCloudComputer> {
    public CloudRetentionStrategy(int idleMinutes) {}

    @Override
    public long check(AbstractCloudComputer c) {
        return 1;
    }

    @Override
    public void start(AbstractCloudComputer c) {}
}

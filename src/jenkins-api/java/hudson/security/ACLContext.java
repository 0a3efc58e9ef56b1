// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.security;

public class ACLContext implements AutoCloseable {
    ACLContext() {}

    @Override
    public void close() {}
}

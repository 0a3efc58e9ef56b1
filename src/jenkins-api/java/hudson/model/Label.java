// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

public abstract class Label extends Actionable {
    public final String getName() {
        return null;
    }

    public abstract String getExpression();
}

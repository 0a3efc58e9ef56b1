// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

import hudson.model.labels.LabelAtom;
import hudson.slaves.Cloud;
import hudson.slaves.NodeProvisioner;
import hudson.util.VariableResolver;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import jenkins.model.Jenkins;

/**
 * A label expression. The stand-in keeps the one piece of value behaviour tests need: {@link #matches(Collection)}
 * asks the expression ({@link #matches(VariableResolver)}, defined by each subclass) whether the given atoms satisfy
 * it. Everything that needs a running Jenkins (parsing, looking up nodes) behaves as Jenkins does before it starts.
 */
public abstract class Label extends Actionable implements Comparable<Label> {
    protected final String name;

    /** Jenkins' provisioner for this label; {@code suggestReviewNow()} asks it to provision without waiting. */
    public final NodeProvisioner nodeProvisioner;

    protected Label(String name) {
        this.name = name;
        this.nodeProvisioner = new NodeProvisioner(this, null);
    }

    public final String getName() {
        return name;
    }

    @Override
    public String getDisplayName() {
        return name;
    }

    public abstract String getExpression();

    public boolean isAtom() {
        return false;
    }

    public abstract boolean matches(VariableResolver<Boolean> resolver);

    public final boolean matches(Collection<LabelAtom> labels) {
        return matches(
                atomName -> labels.stream().anyMatch(atom -> atom.getName().equals(atomName)));
    }

    public final boolean matches(Node n) {
        return matches(n.getAssignedLabels());
    }

    public boolean isSelfLabel() {
        return false;
    }

    public Set<Node> getNodes() {
        return Set.of();
    }

    public Set<Cloud> getClouds() {
        return Set.of();
    }

    public boolean contains(Node node) {
        return false;
    }

    public boolean isEmpty() {
        return true;
    }

    @Override
    public final boolean equals(Object that) {
        return that != null && that.getClass() == getClass() && ((Label) that).name.equals(name);
    }

    @Override
    public final int hashCode() {
        return name.hashCode();
    }

    @Override
    public final int compareTo(Label that) {
        return name.compareTo(that.name);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Needs a running Jenkins for anything but an empty string, as the real one does. */
    public static Set<LabelAtom> parse(String labels) {
        if (labels == null || labels.isEmpty()) {
            return new TreeSet<>();
        }
        Jenkins.get();
        return new TreeSet<>();
    }

    /** Needs a running Jenkins, as the real one does. */
    public static Label get(String l) {
        return Jenkins.get().getLabel(l);
    }

    /** Needs a running Jenkins, as the real one does. */
    public static Label parseExpression(String labelExpression) {
        Jenkins.get();
        return null;
    }
}

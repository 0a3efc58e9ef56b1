// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model.labels;

import hudson.model.Label;
import hudson.model.Saveable;
import hudson.util.VariableResolver;
import java.io.IOException;

public class LabelAtom extends Label implements Saveable {
    public LabelAtom(String name) {
        super(name);
    }

    @Override
    public String getExpression() {
        return name;
    }

    @Override
    public boolean isAtom() {
        return true;
    }

    @Override
    public boolean matches(VariableResolver<Boolean> resolver) {
        return resolver.resolve(name);
    }

    @Override
    public void save() throws IOException {}

    /** Needs a running Jenkins, as the real one does. */
    public static LabelAtom get(String l) {
        return jenkins.model.Jenkins.get().getLabelAtom(l);
    }
}

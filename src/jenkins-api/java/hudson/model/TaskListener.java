// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package hudson.model;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

public interface TaskListener {
    TaskListener NULL = () -> new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

    PrintStream getLogger();

    default PrintWriter error(String msg) {
        return new PrintWriter(getLogger(), true, StandardCharsets.UTF_8);
    }

    default PrintWriter error(String format, Object... args) {
        return error(String.format(format, args));
    }
}

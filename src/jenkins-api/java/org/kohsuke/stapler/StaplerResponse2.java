// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

public interface StaplerResponse2 extends HttpServletResponse {
    void sendRedirect2(String url) throws IOException;
}

// Compile-time stand-in for Jenkins' API: declarations only, never packaged. See README, "How this is built".
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;

public interface StaplerRequest2 extends HttpServletRequest {
    <T> T findAncestorObject(Class<T> type);
}

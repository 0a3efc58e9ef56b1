// Compile-time stand-in for org.jenkins-ci:symbol-annotation (a Jenkins core dependency): declarations only, never
// packaged.
// Jenkins finds @Symbol classes through META-INF/annotations/org.jenkinsci.Symbol, which we ship as a resource.
package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Symbol {
    String[] value();
}

package io.jenkins.plugins.ecsfargate.jenkins;

import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Set;
import java.util.TreeSet;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/** The form-bound properties of a class, as Stapler binds them: constructor parameters and data-bound setters. */
final class BoundProperties {
    private BoundProperties() {}

    static boolean isBound(Class<?> type) {
        return dataBoundConstructor(type) != null;
    }

    static Set<String> of(Class<?> type) {
        Set<String> names = new TreeSet<>();
        Constructor<?> constructor = dataBoundConstructor(type);
        if (constructor == null) {
            throw new IllegalArgumentException(type + " has no @DataBoundConstructor");
        }
        for (Parameter parameter : constructor.getParameters()) {
            if (!parameter.isNamePresent()) {
                throw new IllegalStateException("compile with -parameters: Stapler needs the names of " + constructor);
            }
            names.add(parameter.getName());
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(DataBoundSetter.class)
                        && method.getName().startsWith("set")) {
                    names.add(Introspector.decapitalize(method.getName().substring(3)));
                }
            }
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(DataBoundSetter.class)) {
                    names.add(field.getName());
                }
            }
        }
        return names;
    }

    private static Constructor<?> dataBoundConstructor(Class<?> type) {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                return constructor;
            }
        }
        return null;
    }
}

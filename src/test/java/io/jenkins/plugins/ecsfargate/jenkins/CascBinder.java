package io.jenkins.plugins.ecsfargate.jenkins;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Builds configuration objects from YAML-shaped maps and reads them back the way Configuration as Code does:
 * constructor parameters and data-bound setters by name, getters for export, a symbol to choose the subtype of an
 * abstract describable (as a one-key map, or a bare symbol when the subtype takes no arguments), enums by name.
 * A key that binds to nothing fails, as JCasC refuses unknown attributes.
 */
final class CascBinder {
    private final List<Class<?>> describables;

    CascBinder(List<Class<?>> describables) {
        this.describables = List.copyOf(describables);
    }

    /** Builds a {@code type} from {@code yaml}. */
    Object build(Type type, Object yaml) {
        Class<?> raw = raw(type);
        if (yaml == null) {
            return null;
        }
        if (List.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> items = new ArrayList<>();
            for (Object item : (List<?>) yaml) {
                items.add(build(element, item));
            }
            return items;
        }
        if (raw.isEnum()) {
            return enumValue(raw, yaml.toString());
        }
        if (raw == String.class) {
            return yaml.toString();
        }
        if (raw == int.class || raw == Integer.class) {
            return ((Number) yaml).intValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return yaml;
        }
        if (Modifier.isAbstract(raw.getModifiers())) {
            return buildBySymbol(raw, yaml);
        }
        return buildDirect(raw, asMap(yaml, raw));
    }

    /** Reads {@code object} back through its getters, as an export would. Null properties are left out. */
    Object export(Type declared, Object object) {
        if (object == null) {
            return null;
        }
        if (object instanceof List<?> list) {
            Type element = ((ParameterizedType) declared).getActualTypeArguments()[0];
            return list.stream().map(item -> export(element, item)).toList();
        }
        if (object instanceof Enum<?> constant) {
            return constant.name();
        }
        if (object instanceof String || object instanceof Number || object instanceof Boolean) {
            return object;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String property : BoundProperties.of(object.getClass())) {
            Method getter = getter(object.getClass(), property);
            Object value = export(getter.getGenericReturnType(), invoke(getter, object));
            if (value != null) {
                properties.put(property, value);
            }
        }
        if (Modifier.isAbstract(raw(declared).getModifiers())) {
            String symbol = symbolOf(object.getClass());
            return properties.isEmpty() ? symbol : Map.of(symbol, properties);
        }
        return properties;
    }

    /** The symbol of {@code type}'s descriptor. */
    static String symbolOf(Class<?> type) {
        for (Class<?> nested : type.getDeclaredClasses()) {
            Symbol symbol = nested.getAnnotation(Symbol.class);
            if (symbol != null) {
                return symbol.value()[0];
            }
        }
        throw new IllegalArgumentException(type + " has no descriptor with a @Symbol");
    }

    private Object buildBySymbol(Class<?> base, Object yaml) {
        String symbol;
        Object arguments;
        if (yaml instanceof String name) {
            symbol = name;
            arguments = Map.of();
        } else {
            Map<String, Object> map = asMap(yaml, base);
            if (map.size() != 1) {
                throw new IllegalArgumentException("a " + base.getSimpleName() + " is one symbol, got " + map.keySet());
            }
            symbol = map.keySet().iterator().next();
            arguments = map.get(symbol) == null ? Map.of() : map.get(symbol);
        }
        for (Class<?> candidate : describables) {
            if (base.isAssignableFrom(candidate) && symbol.equals(symbolOf(candidate))) {
                return buildDirect(candidate, asMap(arguments, candidate));
            }
        }
        throw new IllegalArgumentException("no " + base.getSimpleName() + " has the symbol " + symbol);
    }

    private Object buildDirect(Class<?> type, Map<String, Object> yaml) {
        Map<String, Object> remaining = new LinkedHashMap<>(yaml);
        Constructor<?> constructor = Arrays.stream(type.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type + " has no @DataBoundConstructor"));
        Parameter[] parameters = constructor.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Object value = remaining.remove(parameters[i].getName());
            args[i] = value == null && parameters[i].getType() == int.class
                    ? 0
                    : build(parameters[i].getParameterizedType(), value);
        }
        Object object;
        try {
            object = constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type, e);
        }
        for (Map.Entry<String, Object> entry : remaining.entrySet()) {
            Method setter = setter(type, entry.getKey());
            Object value = build(setter.getGenericParameterTypes()[0], entry.getValue());
            invoke(setter, object, value);
        }
        return object;
    }

    private static Method setter(Class<?> type, String property) {
        String name = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name)
                    && method.getParameterCount() == 1
                    && method.isAnnotationPresent(DataBoundSetter.class)) {
                return method;
            }
        }
        throw new IllegalArgumentException("'" + property + "' is not a bound property of " + type.getSimpleName());
    }

    private static Method getter(Class<?> type, String property) {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getParameterCount() == 0)
                .filter(m -> m.getName().equals("get" + suffix) || m.getName().equals("is" + suffix))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException(type.getSimpleName() + " has no getter for " + property));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object yaml, Class<?> type) {
        if (!(yaml instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(type.getSimpleName() + " expects a mapping, got " + yaml);
        }
        return (Map<String, Object>) yaml;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
    }

    private static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }
}

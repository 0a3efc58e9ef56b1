package io.jenkins.plugins.ecsfargate.engine.preflight;

import java.util.List;
import java.util.Map;

/**
 * Renders {@link RequiredPermissions} as an IAM policy document an administrator can paste into the controller's
 * role: one statement per action, resources and conditions exactly as simulated by the preflight.
 */
public final class PolicyDocument {
    private PolicyDocument() {}

    public static String render(List<Permission> permissions) {
        StringBuilder json = new StringBuilder("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [");
        for (int i = 0; i < permissions.size(); i++) {
            Permission permission = permissions.get(i);
            json.append(i == 0 ? "\n" : ",\n");
            json.append("    {\n");
            json.append("      \"Sid\": ")
                    .append(quote(sid(permission.action())))
                    .append(",\n");
            json.append("      \"Effect\": \"Allow\",\n");
            json.append("      \"Action\": ").append(quote(permission.action())).append(",\n");
            json.append("      \"Resource\": ").append(values(permission.resources()));
            if (!permission.conditions().isEmpty()) {
                json.append(",\n      \"Condition\": {");
                int operators = 0;
                for (Map.Entry<String, Map<String, List<String>>> operator :
                        permission.conditions().entrySet()) {
                    json.append(operators++ == 0 ? "\n" : ",\n");
                    json.append("        ").append(quote(operator.getKey())).append(": {");
                    int keys = 0;
                    for (Map.Entry<String, List<String>> key :
                            operator.getValue().entrySet()) {
                        json.append(keys++ == 0 ? " " : ", ");
                        json.append(quote(key.getKey())).append(": ").append(values(key.getValue()));
                    }
                    json.append(" }");
                }
                json.append("\n      }");
            }
            json.append("\n    }");
        }
        return json.append("\n  ]\n}\n").toString();
    }

    private static String sid(String action) {
        String service = action.substring(0, action.indexOf(':'));
        String name = action.substring(action.indexOf(':') + 1);
        String prefix = service.equals("servicediscovery")
                ? "CloudMap"
                : Character.toUpperCase(service.charAt(0)) + service.substring(1);
        return prefix + name;
    }

    private static String values(List<String> values) {
        if (values.size() == 1) {
            return quote(values.get(0));
        }
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            array.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        return array.append(']').toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}

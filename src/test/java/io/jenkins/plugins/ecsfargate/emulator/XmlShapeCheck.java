package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks an awsQuery XML element against a model shape, recursively: structure children must be members (by
 * {@code locationName} or member name) and appear once, lists hold {@code <member>} elements (unless flattened),
 * maps hold {@code <entry><key/><value/></entry>}, scalars parse as their type (timestamps as ISO 8601), required
 * members are present and enum values are allowed.
 */
final class XmlShapeCheck {

    private final ServiceModel model;
    private final List<String> violations;

    XmlShapeCheck(ServiceModel model, List<String> violations) {
        this.model = model;
        this.violations = violations;
    }

    void check(String shapeName, Element element, String path) {
        JsonNode shape = model.shape(shapeName);
        String type = model.type(shape);
        if (!type.equals("structure")
                && !type.equals("list")
                && !type.equals("map")
                && !children(element).isEmpty()) {
            violations.add(path + ": a " + type + " must not contain elements");
            return;
        }
        String text = element.getTextContent();
        switch (type) {
            case "structure" -> structure(shapeName, shape, element, path);
            case "list" -> list(shape, element, path);
            case "map" -> map(shape, element, path);
            case "string" -> enumValue(shapeName, shape, text, path);
            case "integer" -> parses(path, type, text, () -> Integer.parseInt(text.trim()));
            case "long" -> parses(path, type, text, () -> Long.parseLong(text.trim()));
            case "double", "float" -> parses(path, type, text, () -> Double.parseDouble(text.trim()));
            case "boolean" -> {
                if (!text.equals("true") && !text.equals("false")) {
                    violations.add(path + ": boolean must be true or false, was '" + text + "'");
                }
            }
            case "timestamp" -> parses(path, "ISO 8601 timestamp", text, () -> OffsetDateTime.parse(text.trim()));
            case "blob" ->
                parses(path, "base64 blob", text, () -> Base64.getDecoder().decode(text.trim()));
            default -> violations.add(path + ": the checker does not know shape type " + type);
        }
    }

    private void structure(String shapeName, JsonNode shape, Element element, String path) {
        Map<String, JsonNode> members = model.members(shape);
        Set<String> seen = new HashSet<>();
        for (Element child : children(element)) {
            String childName = name(child);
            String memberName = memberFor(members, childName);
            if (memberName == null) {
                violations.add(path + "/" + childName + ": not a member of " + shapeName);
                continue;
            }
            JsonNode member = members.get(memberName);
            String target = ServiceModel.target(member);
            boolean flattened =
                    ServiceModel.flag(member, "flattened") || ServiceModel.flag(model.shape(target), "flattened");
            if (!seen.add(memberName) && !flattened) {
                violations.add(path + "/" + childName + ": appears more than once");
            }
            check(target, child, path + "/" + childName);
        }
        for (String required : model.required(shape)) {
            if (!seen.contains(required)) {
                violations.add(path + "/" + required + ": required by " + shapeName + " but missing");
            }
        }
    }

    private static String memberFor(Map<String, JsonNode> members, String elementName) {
        for (Map.Entry<String, JsonNode> member : members.entrySet()) {
            String location =
                    ServiceModel.attribute(member.getValue(), "locationName").orElse(member.getKey());
            if (location.equals(elementName)) {
                return member.getKey();
            }
        }
        return null;
    }

    private void list(JsonNode shape, Element element, String path) {
        JsonNode member = shape.path("member");
        String elementName = ServiceModel.attribute(member, "locationName").orElse("member");
        if (ServiceModel.flag(shape, "flattened")) {
            check(ServiceModel.target(member), element, path);
            return;
        }
        List<Element> items = children(element);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "/" + elementName + "[" + (i + 1) + "]";
            if (!name(items.get(i)).equals(elementName)) {
                violations.add(
                        itemPath + ": list items must be <" + elementName + ">, was <" + name(items.get(i)) + ">");
            } else {
                check(ServiceModel.target(member), items.get(i), itemPath);
            }
        }
    }

    private void map(JsonNode shape, Element element, String path) {
        JsonNode key = shape.path("key");
        JsonNode value = shape.path("value");
        String keyName = ServiceModel.attribute(key, "locationName").orElse("key");
        String valueName = ServiceModel.attribute(value, "locationName").orElse("value");
        for (Element entry : children(element)) {
            String entryPath = path + "/entry";
            Element keyElement = null;
            Element valueElement = null;
            for (Element part : children(entry)) {
                if (name(part).equals(keyName)) {
                    keyElement = part;
                } else if (name(part).equals(valueName)) {
                    valueElement = part;
                } else {
                    violations.add(entryPath + "/" + name(part) + ": not a map entry part");
                }
            }
            if (!name(entry).equals("entry") || keyElement == null || valueElement == null) {
                violations.add(
                        entryPath + ": map entries must be <entry><" + keyName + "/><" + valueName + "/></entry>");
                continue;
            }
            check(ServiceModel.target(key), keyElement, entryPath + "/" + keyName);
            check(ServiceModel.target(value), valueElement, entryPath + "/" + valueName);
        }
    }

    private void enumValue(String shapeName, JsonNode shape, String text, String path) {
        List<String> allowed = model.enumValues(shape);
        if (!allowed.isEmpty() && !allowed.contains(text)) {
            violations.add(path + ": '" + text + "' is not in enum " + shapeName + " " + allowed);
        }
    }

    private void parses(String path, String type, String text, Runnable parse) {
        try {
            parse.run();
        } catch (NumberFormatException | DateTimeParseException e) {
            violations.add(path + ": '" + text + "' is not a valid " + type);
        } catch (IllegalArgumentException e) {
            violations.add(path + ": '" + text + "' is not a valid " + type + ": " + e.getMessage());
        }
    }

    /** An element's name without namespace prefix. */
    static String name(Element element) {
        return element.getLocalName() == null ? element.getTagName() : element.getLocalName();
    }

    static List<Element> children(Element element) {
        List<Element> result = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                result.add(e);
            }
        }
        return result;
    }
}

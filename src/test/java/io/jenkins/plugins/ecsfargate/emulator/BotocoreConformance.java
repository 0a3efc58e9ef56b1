package io.jenkins.plugins.ecsfargate.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Checks emulator answers against AWS's own service models (botocore): a success body against the operation's
 * output shape (every member exists with the right type, required members present, enum values allowed), an
 * error against the operation's declared errors (code, HTTP status, body members) or AWS's common errors. Works
 * for awsJson (ECS, Cloud Map) and awsQuery XML (IAM, STS). Service names are botocore's: {@code ecs},
 * {@code servicediscovery}, {@code iam}, {@code sts}.
 */
public final class BotocoreConformance {

    private static final Set<String> COMMON_ERRORS = Set.of(
            "AccessDenied",
            "AccessDeniedException",
            "ExpiredToken",
            "IncompleteSignature",
            "InternalFailure",
            "InvalidAction",
            "InvalidClientTokenId",
            "InvalidParameterCombination",
            "InvalidParameterValue",
            "MissingAction",
            "MissingAuthenticationToken",
            "MissingParameter",
            "NotAuthorized",
            "RequestExpired",
            "SerializationException",
            "ServiceUnavailable",
            "Throttling",
            "ThrottlingException",
            "UnknownOperationException",
            "UnrecognizedClientException",
            "ValidationError",
            "ValidationException");

    private final BotocoreModels models;

    public BotocoreConformance(BotocoreModels models) {
        this.models = models;
    }

    /** Locates botocore on this machine; fails (never skips) when it is missing. */
    public static BotocoreConformance load() {
        return new BotocoreConformance(BotocoreModels.locate());
    }

    public BotocoreModels models() {
        return models;
    }

    /** Fails with every violation when a success body does not fit the operation's output shape. */
    public void assertConforms(String service, String operation, String responseBody) {
        fail(service, operation, violations(service, operation, responseBody), responseBody);
    }

    /** Fails with every violation when an error answer is not one AWS could send for the operation. */
    public void assertErrorConforms(String service, String operation, int status, String responseBody) {
        fail(service, operation, errorViolations(service, operation, status, responseBody), responseBody);
    }

    /** Checks any answer: 2xx against the output shape, anything else as an error. */
    public List<String> answerViolations(String service, String operation, int status, String responseBody) {
        return status / 100 == 2
                ? violations(service, operation, responseBody)
                : errorViolations(service, operation, status, responseBody);
    }

    /** The ways a success body departs from the operation's output shape; empty when it conforms. */
    public List<String> violations(String service, String operation, String responseBody) {
        ServiceModel model = models.service(service);
        Optional<String> output = model.outputShape(operation);
        List<String> violations = new ArrayList<>();
        if (model.protocol().equals("query")) {
            checkQuery(model, operation, output, responseBody, violations);
        } else {
            JsonNode body = parseJson(responseBody);
            if (output.isPresent()) {
                new JsonShapeCheck(model, violations).check(output.get(), body, "$");
            } else if (!body.isObject() || body.size() != 0) {
                violations.add("$: " + operation + " has no output; the body must be {}");
            }
        }
        return violations;
    }

    /** The ways an error answer departs from what the model and AWS's common errors allow. */
    public List<String> errorViolations(String service, String operation, int status, String responseBody) {
        ServiceModel model = models.service(service);
        List<String> violations = new ArrayList<>();
        String code;
        List<String> fields = new ArrayList<>();
        if (model.protocol().equals("query")) {
            Element root = parseXml(responseBody);
            Element error = only(root, "Error", violations);
            if (!XmlShapeCheck.name(root).equals("ErrorResponse") || error == null) {
                violations.add("error body must be <ErrorResponse><Error>…</Error><RequestId/></ErrorResponse>");
                return violations;
            }
            String type = text(error, "Type");
            if (!Set.of("Sender", "Receiver").contains(type)) {
                violations.add("Error/Type must be Sender or Receiver, was " + type);
            }
            if (text(root, "RequestId") == null) {
                violations.add("ErrorResponse/RequestId is missing");
            }
            code = text(error, "Code");
        } else {
            JsonNode body = parseJson(responseBody);
            code = body.hasNonNull("__type") ? sanitize(body.get("__type").asText()) : null;
            body.fieldNames().forEachRemaining(name -> {
                if (!name.equals("__type")) {
                    fields.add(name);
                }
            });
        }
        if (code == null) {
            violations.add("error code is missing");
            return violations;
        }
        checkErrorCode(model, operation, status, code, fields, violations);
        return violations;
    }

    private static void checkErrorCode(
            ServiceModel model,
            String operation,
            int status,
            String code,
            List<String> fields,
            List<String> violations) {
        for (String shapeName : model.errorShapes(operation)) {
            JsonNode shape = model.shape(shapeName);
            JsonNode error = shape.path("error");
            String wireCode = ServiceModel.attribute(error, "code").orElse(shapeName);
            if (!wireCode.equals(code) && !shapeName.equals(code)) {
                continue;
            }
            int expected = error.path("httpStatusCode").asInt(ServiceModel.flag(shape, "fault") ? 500 : 400);
            if (status != expected) {
                violations.add(code + ": HTTP status " + status + " but the model says " + expected);
            }
            Map<String, JsonNode> members = model.members(shape);
            fields.stream()
                    .filter(f -> !members.containsKey(f))
                    .forEach(f -> violations.add(
                            code + ": body member " + f + " is not in " + shapeName + " " + members.keySet()));
            return;
        }
        if (!COMMON_ERRORS.contains(code)) {
            violations.add(code + " is neither declared by " + model.service() + ":" + operation + " "
                    + model.errorShapes(operation) + " nor a common AWS error");
        }
    }

    private void checkQuery(
            ServiceModel model, String operation, Optional<String> output, String body, List<String> violations) {
        Element root = parseXml(body);
        if (!XmlShapeCheck.name(root).equals(operation + "Response")) {
            violations.add("root element must be <" + operation + "Response>, was <" + XmlShapeCheck.name(root) + ">");
        }
        String namespace = model.xmlNamespace().orElse(null);
        if (namespace != null && !namespace.equals(root.getNamespaceURI())) {
            violations.add("root namespace must be " + namespace + ", was " + root.getNamespaceURI());
        }
        Element metadata = only(root, "ResponseMetadata", violations);
        if (metadata == null || text(metadata, "RequestId") == null) {
            violations.add("ResponseMetadata/RequestId is missing");
        }
        for (Element child : XmlShapeCheck.children(root)) {
            String name = XmlShapeCheck.name(child);
            String wrapper = model.resultWrapper(operation).orElse(null);
            if (name.equals("ResponseMetadata")) {
                continue;
            }
            if (!name.equals(wrapper) || output.isEmpty()) {
                violations.add("unexpected element <" + name + "> in <" + operation + "Response>");
            } else {
                new XmlShapeCheck(model, violations).check(output.get(), child, "/" + name);
            }
        }
        if (output.isPresent() && only(root, model.resultWrapper(operation).orElse(""), violations) == null) {
            violations.add(
                    "the result element <" + model.resultWrapper(operation).orElse("?") + "> is missing");
        }
    }

    private static Element only(Element parent, String name, List<String> violations) {
        List<Element> found = XmlShapeCheck.children(parent).stream()
                .filter(c -> XmlShapeCheck.name(c).equals(name))
                .toList();
        if (found.size() > 1) {
            violations.add("<" + name + "> appears " + found.size() + " times");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String name) {
        return XmlShapeCheck.children(parent).stream()
                .filter(c -> XmlShapeCheck.name(c).equals(name))
                .map(Element::getTextContent)
                .findFirst()
                .orElse(null);
    }

    private static JsonNode parseJson(String body) {
        if (body == null || body.isBlank()) {
            return Json.object();
        }
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not well-formed JSON: " + e.getOriginalMessage() + "\n" + body, e);
        }
    }

    private static Element parseXml(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("Not well-formed XML: " + e.getMessage() + "\n" + body, e);
        }
    }

    /** The SDK's reading of {@code __type}: the text after {@code #}, cut at {@code :}. */
    private static String sanitize(String type) {
        String code = type.substring(type.indexOf('#') + 1);
        int colon = code.indexOf(':');
        return colon < 0 ? code : code.substring(0, colon);
    }

    private static void fail(String service, String operation, List<String> violations, String body) {
        if (!violations.isEmpty()) {
            throw new AssertionError(service + ":" + operation + " does not conform to the AWS model:\n  "
                    + String.join("\n  ", violations) + "\nbody: " + body);
        }
    }
}

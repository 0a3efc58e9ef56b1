package io.jenkins.plugins.ecsfargate.jenkins.forms;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Descriptor;
import io.jenkins.plugins.ecsfargate.jenkins.EcsCloud;
import io.jenkins.plugins.ecsfargate.jenkins.JenkinsRuntime;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every form method of every descriptor of the adapter is called twice, as an administrator and as a user without
 * Administer, against a counting Jenkins and the emulator. A method that reads credentials or calls AWS for the
 * administrator must be {@code @POST} and must, for the other user, fail with Access Denied or do neither. The
 * methods found to touch credentials or AWS are listed, so the test cannot pass by finding none.
 */
class FormSecurityTest {
    private static final Set<String> TOUCHING = Set.of(
            "CloudDescriptor.doFillClusterItems",
            "CloudDescriptor.doFillCredentialsIdItems",
            "CloudDescriptor.doCheckCredentialsId",
            "CloudDescriptor.doCheckConfiguration",
            "CloudDescriptor.doShowPolicy",
            "TemplateDescriptor.doCheckCapacity");

    private final FormEmulator aws = new FormEmulator();

    @AfterEach
    void stopEmulator() {
        aws.close();
    }

    static List<Method> formMethods() throws IOException, URISyntaxException {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type : descriptorClasses()) {
            for (Method method : type.getMethods()) {
                boolean ours = method.getDeclaringClass().getName().startsWith("io.jenkins.plugins.ecsfargate.");
                if (ours && method.getName().matches("do[A-Z].*") && method.getParameterCount() > 0) {
                    methods.add(method);
                }
            }
        }
        assertThat(methods).hasSizeGreaterThan(40);
        return methods;
    }

    @ParameterizedTest
    @MethodSource("formMethods")
    void aMethodTouchingCredentialsOrAwsIsPostAndDeniedToNonAdministrators(Method method) throws Exception {
        FormsRuntime admin = runtime(FormsRuntime.administrator());
        invoke(method, admin);
        boolean touching = admin.credentialReads() > 0 || aws.calls() > 0;
        if (!touching) {
            return;
        }
        assertThat(method.isAnnotationPresent(POST.class))
                .as("%s is @POST", name(method))
                .isTrue();
        assertThat(admin.administerChecks())
                .as("%s asks for Administer", name(method))
                .isPositive();

        long callsBefore = aws.calls();
        FormsRuntime reader = runtime(FormsRuntime.reader());
        Throwable failure = invoke(method, reader);
        assertThat(reader.administerChecks())
                .as("%s asks for Administer", name(method))
                .isPositive();
        if (failure != null) {
            assertThat(failure).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(reader.credentialReads())
                .as("credential reads by %s", name(method))
                .isZero();
        assertThat(aws.calls()).as("AWS calls by %s", name(method)).isEqualTo(callsBefore);
    }

    @Test
    void findsExactlyTheMethodsThatTouchCredentialsOrAws() throws Exception {
        Set<String> touching = new TreeSet<>();
        for (Method method : formMethods()) {
            FormsRuntime admin = runtime(FormsRuntime.administrator());
            long before = aws.calls();
            invoke(method, admin);
            if (admin.credentialReads() > 0 || aws.calls() > before) {
                touching.add(name(method));
            }
        }
        assertThat(touching).isEqualTo(new TreeSet<>(TOUCHING));
    }

    @Test
    void everyMethodTakingCredentialsIsPost() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Method method : formMethods()) {
            boolean credentials =
                    Stream.of(method.getParameters()).anyMatch(p -> p.getName().equals("credentialsId"));
            boolean credentialsField = method.getName().contains("CredentialsId");
            if ((credentials || credentialsField) && !method.isAnnotationPresent(POST.class)) {
                missing.add(name(method));
            }
        }
        assertThat(missing).isEmpty();
    }

    private FormsRuntime runtime(FormsRuntime runtime) {
        return runtime.withAccessKey("aws-key", "AKIAEXAMPLE", "secret-value").withCloud(new EcsCloud("ecs-cloud"));
    }

    private Throwable invoke(Method method, JenkinsRuntime runtime) throws Exception {
        Object descriptor = descriptorFor(method.getDeclaringClass(), runtime);
        Parameter[] parameters = method.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            args[i] = argument(parameters[i]);
        }
        try {
            method.invoke(descriptor, args);
            return null;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof AccessDeniedException denied) {
                return denied;
            }
            throw e;
        }
    }

    private Object argument(Parameter parameter) {
        Map<String, String> values = Map.of(
                "region", "us-east-1",
                "credentialsId", "aws-key",
                "endpoint", aws.endpoint(),
                "cluster", "spot-cluster",
                "name", "ecs-cloud",
                "value", "FARGATE_SPOT",
                "cpu", "1024");
        if (parameter.getType() != String.class) {
            throw new IllegalStateException("form methods take Strings: " + parameter);
        }
        return values.getOrDefault(parameter.getName(), "");
    }

    private static Object descriptorFor(Class<?> declaring, JenkinsRuntime runtime) throws Exception {
        for (Class<?> type : descriptorClasses()) {
            if (declaring.isAssignableFrom(type)) {
                try {
                    Constructor<?> withRuntime = type.getConstructor(JenkinsRuntime.class);
                    return withRuntime.newInstance(runtime);
                } catch (NoSuchMethodException e) {
                    return type.getConstructor().newInstance();
                }
            }
        }
        throw new IllegalStateException("no concrete descriptor for " + declaring);
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    private static List<Class<?>> descriptorClasses() throws IOException, URISyntaxException {
        Path root = Path.of(EcsCloud.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (Stream<Path> files = Files.walk(root.resolve("io/jenkins/plugins/ecsfargate/jenkins"))) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString())
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .map(FormSecurityTest::load)
                    .filter(Descriptor.class::isAssignableFrom)
                    .filter(c -> !Modifier.isAbstract(c.getModifiers()))
                    .sorted((a, b) -> a.getName().compareTo(b.getName()))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, FormSecurityTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

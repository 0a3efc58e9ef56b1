package io.jenkins.plugins.ecsfargate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.AbstractIdCredentialsListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.AsyncPeriodicWork;
import hudson.model.Computer;
import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Slave;
import hudson.security.Permission;
import hudson.slaves.Cloud;
import hudson.slaves.SlaveComputer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;

/**
 * Guards the stand-in Jenkins API ({@code src/jenkins-api}) in every build. api-check, the authority on the
 * stand-ins, needs Jenkins' sources and does not run here; these checks catch the mistakes that would otherwise
 * reach users: a stand-in in our own package (the plugin jar ships everything there), and members that exist only
 * in the newest Jenkins line or changed shape between the lines (NoSuchMethodError on the oldest one). It also keeps
 * the permission constants distinct, so that a test can tell which permission a form method checks.
 */
class StandInApiTest {
    private static final Path STANDINS = Path.of("src", "jenkins-api");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    @Test
    void noStandInIsInThePluginPackage() throws IOException {
        List<Path> sources = standInSources();

        assertThat(sources).hasSizeGreaterThan(50);
        for (Path source : sources) {
            assertThat(packageOf(source)).as(source.toString()).doesNotStartWith("io.jenkins.plugins.ecsfargate");
        }
    }

    @Test
    void everyStandInSaysWhatItIs() throws IOException {
        for (Path source : standInSources()) {
            String firstLine = Files.readAllLines(source).get(0);
            assertThat(firstLine).as(source.toString()).startsWith("// Compile-time stand-in for ");
        }
    }

    @Test
    void membersOnlyTheNewestJenkinsLineHasAreAbsent() {
        assertThat(publicMethodNames(Computer.class))
                .doesNotContain(
                        "setTemporaryOfflineCause",
                        "setOfflineCause",
                        "hasOfflineCause",
                        "isConnected",
                        "setNumExecutors");
        assertThat(publicMethodNames(Node.class)).doesNotContain("setTemporaryOfflineCause", "drainLabelsToTrim");
        assertThat(declaredMethodNames(Slave.class)).doesNotContain("save", "drainLabelsToTrim");
        assertThat(publicMethodNames(SlaveComputer.class)).doesNotContain("closeLog");
        assertThat(declaredMethodNames(AsyncPeriodicWork.class)).doesNotContain("queueIfAlreadyRunning");
        assertThat(publicMethodNames(Label.class)).doesNotContain("getSortedNodes");
        assertThat(publicMethodNames(CredentialsProvider.class))
                .doesNotContain(
                        "findCredentialByIdInItemGroup",
                        "findCredentialByIdInItem",
                        "getCredentialByIdInItemGroup",
                        "getCredentialByIdInItem");
        assertThat(publicMethodNames(CredentialsMatchers.class)).doesNotContain("describe", "parse", "withProperty");
    }

    @Test
    void credentialListBuildersReturnTheErasedTypeThePluginDeclares() {
        List<Method> fluent = Arrays.stream(AbstractIdCredentialsListBoxModel.class.getDeclaredMethods())
                .filter(m -> m.getName().startsWith("include") || m.getName().equals("with"))
                .toList();

        assertThat(fluent).isNotEmpty();
        assertThat(fluent).allSatisfy(m -> assertThat(m.getReturnType())
                .as(m.toString())
                .isEqualTo(AbstractIdCredentialsListBoxModel.class));
        assertThat(declaredMethodNames(StandardListBoxModel.class)).noneMatch(name -> name.startsWith("include"));
    }

    @Test
    void jenkinsCloudsFieldHasTheTypeJenkinsLinksTo() throws NoSuchFieldException {
        Field clouds = Jenkins.class.getField("clouds");

        assertThat(clouds.getType().getName()).isEqualTo("hudson.model.Hudson$CloudList");
    }

    @Test
    void permissionConstantsAreDistinct() {
        List<Permission> permissions = List.of(
                Jenkins.ADMINISTER,
                Jenkins.MANAGE,
                Jenkins.SYSTEM_READ,
                Jenkins.READ,
                Cloud.PROVISION,
                Computer.CONFIGURE,
                Item.CONFIGURE,
                CredentialsProvider.USE_ITEM,
                CredentialsProvider.VIEW);

        assertThat(permissions).doesNotContainNull().doesNotHaveDuplicates();
    }

    private static List<Path> standInSources() throws IOException {
        try (Stream<Path> files = Files.walk(STANDINS)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path source) throws IOException {
        Matcher matcher = PACKAGE.matcher(Files.readString(source));
        return matcher.find() ? matcher.group(1) : "";
    }

    private static Set<String> publicMethodNames(Class<?> type) {
        return Arrays.stream(type.getMethods()).map(Method::getName).collect(Collectors.toSet());
    }

    private static Set<String> declaredMethodNames(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());
    }
}

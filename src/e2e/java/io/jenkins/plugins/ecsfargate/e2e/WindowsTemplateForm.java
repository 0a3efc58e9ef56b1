package io.jenkins.plugins.ecsfargate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.openqa.selenium.SearchContext;

/**
 * A Windows Server 2022 Core template added to a saved cloud through its form, the way an administrator who does
 * not yet know Windows' rules would: first a Linux-sized CPU and Fargate Spot, which the form's live checks refuse
 * for Windows, then the sizes and capacity it accepts, with the image left empty for the system's default. What
 * the form said on the way is kept, so the test can tell whether each check saw the chosen operating system.
 */
final class WindowsTemplateForm {
    static final String NAME = "windows";
    static final String LABEL = "windows";
    static final String OPERATING_SYSTEM = "Windows Server 2022 Core";
    static final String DEFAULT_IMAGE = "jenkins/inbound-agent:jdk21-windowsservercore-ltsc2022";

    private final CloudFormPage form;
    private final Browser browser;

    /**
     * The messages under the fields (CPU 512 and Fargate Spot refused, the empty image's default named) and the
     * operating system the saved form shows.
     */
    record Messages(String cpu, String capacity, String image, String savedOperatingSystem) {}

    WindowsTemplateForm(CloudFormPage form, Browser browser) {
        this.form = form;
        this.browser = browser;
    }

    /** Adds the template to {@code cloud}, saves, and leaves the saved form open (screenshots of both). */
    Messages addTo(String cloud, String subnets, String securityGroup, String executionRole) throws IOException {
        form.open(cloud);
        form.addTemplate();
        SearchContext template = form.template();
        form.type(template, "name", NAME);
        form.type(template, "labelString", LABEL);
        form.selectText(template, "operatingSystem", OPERATING_SYSTEM);
        form.type(template, "subnets", subnets);
        form.type(template, "securityGroups", securityGroup);
        form.type(template, "executionRoleArn", executionRole);
        form.type(template, "cpu", "512");
        form.awaitValid(template, "name");
        String cpu = form.awaitError(template, "cpu");
        form.select(template, "capacity", "FARGATE_SPOT");
        String capacity = form.awaitError(template, "capacity");
        String image = form.awaitMessage(template, "image", "ok", DEFAULT_IMAGE);
        browser.screenshot("08-windows-template-errors");

        form.type(template, "cpu", "1024");
        form.type(template, "memory", "2048");
        form.select(template, "capacity", "FARGATE");
        form.awaitValid(template, "cpu");
        form.awaitValid(template, "memory");
        form.awaitValid(template, "capacity");
        assertThat(form.field(template, "image").getAttribute("value"))
                .as("the new template's image")
                .isEmpty();
        form.save();

        form.open(cloud);
        String saved = form.selectedText(form.template(), "operatingSystem");
        browser.screenshot("09-windows-template-saved");
        return new Messages(cpu, capacity, image, saved);
    }
}

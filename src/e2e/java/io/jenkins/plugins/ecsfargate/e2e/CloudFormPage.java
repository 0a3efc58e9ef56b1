package io.jenkins.plugins.ecsfargate.e2e;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Manage Jenkins > Clouds as an administrator uses it: "New cloud", our cloud type, then the cloud's form with its
 * template. Fields are found by the names Jenkins' form library gives them ({@code _.field}), within the cloud or
 * within the template block; a field's validation message is read from the validation area of its form item.
 */
final class CloudFormPage {
    static final String CLOUD_TYPE = "io.jenkins.plugins.ecsfargate.jenkins.EcsCloud";

    private final Browser browser;
    private final URI jenkins;

    CloudFormPage(Browser browser, URI jenkins) {
        this.browser = browser;
        this.jenkins = jenkins;
    }

    /** Manage Jenkins > Clouds > New cloud: the name, our type, Create. Lands on the new cloud's form. */
    void newCloud(String name) {
        browser.open(jenkins.resolve("manage/cloud/new").toString());
        WebElement nameBox = browser.find(By.id("name"));
        nameBox.clear();
        nameBox.sendKeys(name);
        browser.click(browser.driver.findElement(By.id(CLOUD_TYPE)));
        browser.click(browser.find(By.id("ok")));
        browser.find(By.name("_.region"));
    }

    /** Opens an existing cloud's form. */
    void open(String cloud) {
        browser.open(jenkins.resolve("manage/cloud/" + cloud + "/configure").toString());
        browser.find(By.name("_.region"));
    }

    /** The form's root: the cloud's fields. */
    SearchContext cloud() {
        return browser.driver.findElement(By.cssSelector("form[name='config']"));
    }

    /** The last agent template block (added by {@link #addTemplate()}). */
    SearchContext template() {
        List<WebElement> chunks = browser.driver.findElements(By.cssSelector("form[name='config'] .repeated-chunk"));
        if (chunks.isEmpty()) {
            throw new IllegalStateException("the form has no agent template");
        }
        return chunks.get(chunks.size() - 1);
    }

    /**
     * Adds a template block and waits for Jenkins' first check of its empty name, whose answer could otherwise
     * arrive after the name is typed and cover it.
     */
    void addTemplate() {
        WebElement add = browser.find(By.xpath("//button[contains(normalize-space(.), 'Add agent template')]"));
        browser.click(add);
        browser.until(d -> !d.findElements(By.cssSelector("form[name='config'] .repeated-chunk [name='_.image']"))
                .isEmpty());
        awaitError(template(), "name");
    }

    /** Opens every "Advanced" section within {@code scope} that is still closed. */
    void expandAdvanced(SearchContext scope) {
        for (WebElement button : scope.findElements(By.cssSelector("button.advanced-button"))) {
            if (button.isDisplayed()) {
                browser.click(button);
            }
        }
    }

    WebElement field(SearchContext scope, String name) {
        return browser.until(d -> scope.findElements(By.name("_." + name)).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
    }

    /** Types a value into a text or number field and leaves it, which is when Jenkins validates it. */
    void type(SearchContext scope, String name, String value) {
        WebElement input = field(scope, name);
        browser.scrollTo(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(value);
        input.sendKeys(Keys.TAB);
    }

    void select(SearchContext scope, String name, String value) {
        WebElement select = field(scope, name);
        browser.until(
                d -> new Select(select).getOptions().stream().anyMatch(o -> value.equals(o.getAttribute("value"))));
        new Select(select).selectByValue(value);
        browser.fireChange(select);
    }

    /** Picks an option by the words the administrator reads, as they would. */
    void selectText(SearchContext scope, String name, String text) {
        WebElement select = field(scope, name);
        browser.until(d -> new Select(select)
                .getOptions().stream().anyMatch(o -> text.equals(o.getText().trim())));
        new Select(select).selectByVisibleText(text);
        browser.fireChange(select);
    }

    /** The text of the option a select shows, once Jenkins filled it. */
    String selectedText(SearchContext scope, String name) {
        WebElement select = field(scope, name);
        browser.until(d -> !new Select(select).getOptions().isEmpty());
        return new Select(select).getFirstSelectedOption().getText().trim();
    }

    /** Ticks the optional block in {@code scope} (the template's "Send the agent's output to CloudWatch Logs"). */
    void checkOptionalBlock(SearchContext scope) {
        WebElement box = scope.findElement(By.cssSelector("input[type='checkbox'].optional-block-control"));
        if (!box.isSelected()) {
            browser.click(box);
        }
    }

    /** The error shown under a field, once Jenkins answered; empty when the field is valid (or only informs). */
    Optional<String> message(SearchContext scope, String name) {
        List<WebElement> errors = field(scope, name)
                .findElements(By.xpath("./ancestor::div[contains(concat(' ', @class, ' '), ' jenkins-form-item ')][1]"
                        + "//div[contains(@class, 'validation-error-area')]//div[contains(@class, 'error')]"));
        String text = errors.stream()
                .map(WebElement::getText)
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .findFirst()
                .orElse("");
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** Waits for a message of that kind ({@code ok} for information, {@code warning}) under the field. */
    String awaitMessage(SearchContext scope, String name, String kind, String containing) {
        return browser.until(d -> field(scope, name)
                .findElements(By.xpath("./ancestor::div[contains(concat(' ', @class, ' '), ' jenkins-form-item ')][1]"
                        + "//div[contains(@class, 'validation-error-area')]//div[contains(concat(' ', @class, ' '), ' "
                        + kind + " ')]"))
                .stream()
                .map(WebElement::getText)
                .map(String::trim)
                .filter(t -> t.contains(containing))
                .findFirst()
                .orElse(null));
    }

    /** Waits for the field's error message after a bad value. */
    String awaitError(SearchContext scope, String name) {
        return browser.until(d -> message(scope, name).orElse(null));
    }

    /** Waits until the field shows no error. */
    void awaitValid(SearchContext scope, String name) {
        browser.until(d -> message(scope, name).isEmpty());
    }

    /** Clicks a validate button ("Check configuration") and answers the HTML of what it reported, once it did. */
    String validateButton(String title) {
        WebElement button = browser.find(
                By.xpath("//button[contains(@class, 'validate-button') and normalize-space(.)='" + title + "']"));
        WebElement status = button.findElement(
                By.xpath("./following-sibling::div[contains(@class, 'jenkins-validate-button__container__status')]"));
        browser.click(button);
        return browser.until(d -> {
            String html = status.getAttribute("innerHTML");
            return status.getText().trim().isEmpty() ? null : html;
        });
    }

    void save() {
        WebElement save = browser.find(By.xpath("//button[@name='Submit' or normalize-space(.)='Save']"));
        browser.click(save);
        browser.until(d -> !d.getCurrentUrl().contains("/configure")
                && !d.getCurrentUrl().endsWith("/new")
                && d.findElements(By.name("_.region")).isEmpty());
    }
}

package dev.wparflow.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Camunda Form as Tasklist renders it (form-js), filled and read by field key. form-js gives each input the id
 * {@code fjs-form-<random>-<component id>} (radio options add {@code -<index>}), so the deployed form's JSON maps a
 * key to its component, and the component to its input: a form whose component ids change keeps working as long as
 * its keys (the process's input names) stay.
 */
final class CamundaForm {

    private final Browser browser;
    private final String name;
    private final JsonNode schema;

    CamundaForm(Browser browser, String name, JsonNode schema) {
        this.browser = browser;
        this.name = name;
        this.schema = schema;
    }

    /** Fills the fields in the map's order: text for text fields, Boolean for checkboxes, the value for choices. */
    CamundaForm fill(Map<String, ?> values) {
        values.forEach(this::fill);
        return this;
    }

    CamundaForm fill(String key, Object value) {
        JsonNode component = component(key);
        String id = component.path("id").asText();
        String type = component.path("type").asText();
        switch (type) {
            case "textfield", "textarea", "number" -> {
                WebElement input = input(id);
                input.clear();
                // TAB leaves the field: form-js commits a debounced value on blur
                input.sendKeys(String.valueOf(value), Keys.TAB);
            }
            case "checkbox" -> {
                WebElement input = input(id);
                if (input.isSelected() != Boolean.TRUE.equals(value)) {
                    input.click();
                }
            }
            case "radio" -> input(id + "-" + optionIndex(component, key, value)).click();
            case "select" -> {
                // the element with the id is the select's zero-size hidden input. form-js opens the list when it
                // gets the focus (the TAB that left the field before may have done so) and toggles it on mousedown:
                // click the value it displays only while the list is closed
                WebElement hidden = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".fjs-container [id$='-" + id + "']")));
                WebElement display = (WebElement) ((JavascriptExecutor) browser.driver()).executeScript(
                        "return arguments[0].closest('.fjs-form-field').querySelector('.fjs-select-display');", hidden);
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block:'center'})",
                        display);
                if (display.findElements(By.xpath("./ancestor::*[contains(@class,'fjs-form-field')][1]"
                        + "//*[contains(@class,'fjs-dropdownlist-item')]")).isEmpty()) {
                    browser.waiting().until(ExpectedConditions.elementToBeClickable(display)).click();
                }
                String label = component.path("values").get(optionIndex(component, key, value)).path("label").asText();
                WebElement item = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                        "//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + label + "']")));
                // form-js picks an item on mousedown; the list can sit under the start dialog's footer
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].dispatchEvent(new MouseEvent("
                        + "'mousedown', {bubbles: true, cancelable: true}))", item);
                browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(
                        By.cssSelector(".fjs-dropdownlist-item")));
            }
            default -> throw new AssertionError(name + ": field " + key + " is a " + type + ", which this test cannot fill");
        }
        return this;
    }

    /** The value a text field or text area shows (read-only ones included). */
    String text(String key) {
        String id = component(key).path("id").asText();
        return browser.waiting().until(d -> input(id).getDomProperty("value"));
    }

    /** Messages form-js shows under invalid fields. */
    List<String> fieldErrors() {
        List<String> errors = new ArrayList<>();
        for (WebElement e : browser.driver().findElements(By.cssSelector(".fjs-has-errors"))) {
            errors.add(e.getText().replace('\n', ' '));
        }
        return errors;
    }

    private WebElement input(String componentId) {
        WebElement input = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".fjs-container [id$='-" + componentId + "']")));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block:'center'})", input);
        return browser.waiting().until(ExpectedConditions.elementToBeClickable(input));
    }

    private int optionIndex(JsonNode component, String key, Object value) {
        JsonNode options = component.path("values");
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).path("value").asText().equals(String.valueOf(value))) {
                return i;
            }
        }
        throw new AssertionError(name + ": field " + key + " offers no choice " + value + " (" + options + ")");
    }

    private JsonNode component(String key) {
        return find(schema.path("components"), key)
                .orElseThrow(() -> new AssertionError(name + " has no field with key " + key));
    }

    private static Optional<JsonNode> find(JsonNode components, String key) {
        for (JsonNode c : components) {
            if (key.equals(c.path("key").asText(null))) {
                return Optional.of(c);
            }
            Optional<JsonNode> nested = find(c.path("components"), key);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }
}

package dev.wparflow.browser;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/** Camunda Tasklist as a user sees it: log in, start a process from its form, open, claim and complete a task. */
final class Tasklist {

    private final Browser browser;
    private final PackagedApp app;
    private String user;

    Tasklist(Browser browser, PackagedApp app) {
        this.browser = browser;
        this.app = app;
    }

    Tasklist login(String user) {
        browser.forgetLogins();
        browser.driver().get(app.baseUrl() + "/camunda/app/tasklist/");
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        browser.driver().findElement(By.cssSelector("input[ng-model='password']")).sendKeys(user);
        browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
        browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a")));
        this.user = user;
        return this;
    }

    String user() {
        return user;
    }

    /**
     * Opens "Start process", picks the process by the name Tasklist lists, and returns its start form. A process without
     * a Camunda Form start form fails here: Tasklist would offer only its generic "add a variable" form.
     */
    private static final By START_SEARCH = By.cssSelector(".modal-header input[ng-model='page.searchValue']");

    CamundaForm openStartForm(String processKey, String processName) throws IOException, InterruptedException {
        JsonNode ref = app.get(user, "/engine-rest/process-definition/key/" + processKey + "/startForm");
        if (ref.path("camundaFormRef").isMissingNode() || ref.path("camundaFormRef").isNull()) {
            throw new AssertionError("no start form for " + processKey
                    + " (Tasklist offers only its generic form to start it)");
        }
        JsonNode schema = app.get(user, "/engine-rest/process-definition/key/" + processKey + "/deployed-start-form");
        browser.driver().findElement(By.cssSelector(".start-process-action a")).click();
        By process = By.xpath("//ul[contains(@class,'processes')]//a[normalize-space(.)='" + processName + "']");
        By form = By.cssSelector(".modal .fjs-container");
        // The dialog lists 15 processes a page, by name; more are startable, so the name is searched for (the dialog
        // asks for `nameLike` once typing pauses) rather than looked for on the first page.
        browser.waiting().until(ExpectedConditions.elementToBeClickable(START_SEARCH)).sendKeys(processName);
        browser.waiting().until(ExpectedConditions.elementToBeClickable(process)).click();
        // The dialog shows its list of processes before it has loaded them and renders it again once it has; a click
        // on the first rendering can be lost. The form replaces the list, so a list still shown five seconds after a
        // click gets the click again (opening the same start form twice is harmless).
        long[] clickedAt = { System.nanoTime() };
        browser.waiting().until(d -> {
            try {
                List<WebElement> forms = d.findElements(form);
                if (!forms.isEmpty() && forms.get(0).isDisplayed()) {
                    return true;
                }
                List<WebElement> links = d.findElements(process);
                if (!links.isEmpty() && links.get(0).isDisplayed()
                        && System.nanoTime() - clickedAt[0] > Duration.ofSeconds(5).toNanos()) {
                    links.get(0).click();
                    clickedAt[0] = System.nanoTime();
                }
            } catch (StaleElementReferenceException rendered) {
                // the list or the form was being replaced: look again
            }
            return false;
        });
        return new CamundaForm(browser, processKey + " start form", schema);
    }

    /** Presses Start in the start dialog and returns the notification Tasklist shows. */
    String start() {
        clickButton(".modal-footer button", "Start");
        return notification();
    }

    /** Finds the task in the list (the filter the user sees first) and opens it. */
    Task openTask(String taskId) throws IOException, InterruptedException {
        browser.driver().get(app.baseUrl() + "/camunda/app/tasklist/default/#/");
        WebElement link = browser.waiting().until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("ol.tasks-list a[href*='task=" + taskId + "']")));
        link.click();
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-card .fjs-container")));
        return new Task(taskId, app.get(user, "/engine-rest/task/" + taskId + "/deployed-form"));
    }

    /** The task's name as the list shows it. */
    String taskTitle(String taskId) {
        return browser.waiting().until(d -> d.findElement(By.cssSelector("ol.tasks-list a[href*='task=" + taskId + "']"))
                .getText());
    }

    final class Task {
        private final String id;
        private final CamundaForm form;

        private Task(String id, JsonNode schema) {
            this.id = id;
            this.form = new CamundaForm(browser, "form of task " + id, schema);
        }

        /** Claims the task; Tasklist then loads the form again, enabled, and only that form's values are submitted. */
        Task claim() {
            By claim = By.cssSelector(".task-card button.claim");
            browser.waiting().until(ExpectedConditions.elementToBeClickable(claim)).click();
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(claim));
            browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-card .disabled-form")));
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-card .fjs-container")));
            return this;
        }

        CamundaForm form() {
            return form;
        }

        /** Everything the task's form shows, text views included. */
        String text() {
            return browser.driver().findElement(By.cssSelector(".task-card .fjs-container")).getText();
        }

        /** The form's fixed-width blocks (markdown code blocks of its text views). */
        String fixedWidthText() {
            return String.join("\n", browser.driver().findElements(By.cssSelector(".task-card .fjs-container pre"))
                    .stream().map(WebElement::getText).toList());
        }

        /** Claims the task unless it is assigned to the user already (a notice is). */
        Task claimIfNeeded() {
            return browser.driver().findElements(By.cssSelector(".task-card button.claim")).stream()
                    .anyMatch(WebElement::isDisplayed) ? claim() : this;
        }

        /** Completes the task; fails with Tasklist's message (and the form's field errors) if it refuses. */
        void complete() {
            clickButton("button", "Complete");
            By inList = By.cssSelector("ol.tasks-list a[href*='task=" + id + "']");
            browser.waiting().until(d -> d.findElements(inList).isEmpty() || !errors().isEmpty());
            if (!errors().isEmpty()) {
                throw new AssertionError("Tasklist did not complete task " + id + ": " + errors() + " " + form.fieldErrors());
            }
        }
    }

    private void clickButton(String css, String text) {
        WebElement button = browser.waiting().until(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(b -> b.isDisplayed() && b.getText().trim().equals(text) && b.isEnabled()).findFirst().orElse(null));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block:'center'})", button);
        button.click();
    }

    private String notification() {
        return browser.waiting().until(d -> d.findElements(By.cssSelector(".notifications .alert")).stream()
                .map(WebElement::getText).map(t -> t.replace("×", "").trim()).filter(t -> !t.isEmpty())
                .findFirst().orElse(null));
    }

    private List<String> errors() {
        return browser.driver().findElements(By.cssSelector(".notifications .alert-danger")).stream()
                .map(WebElement::getText).map(t -> t.replace("×", "").trim()).filter(t -> !t.isEmpty()).toList();
    }
}

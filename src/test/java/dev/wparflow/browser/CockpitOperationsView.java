package dev.wparflow.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operation as its requester reads it in Cockpit's "wparflow operations" view
 * ({@code #/wparflow-operations?id=ID}): state, outcome and reason, the commands of the operation and of every
 * instance it called, and the images it made. Read in the browser's own webapp login.
 */
final class CockpitOperationsView implements OperationView {

    private static final Pattern EXIT = Pattern.compile("exit (-?\\d+)");

    private final Browser browser;
    private final PackagedApp app;

    CockpitOperationsView(Browser browser, PackagedApp app) {
        this.browser = browser;
        this.app = app;
    }

    @Override
    public Operation open(String flow, String processInstanceId) throws Exception {
        WebElement detail = detail(processInstanceId);
        browser.screenshot(flow, "cockpit-operation");
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("outcome", blankToNull(detail.findElement(By.cssSelector(".wparflow-operation-outcome")).getText()));
        variables.put("reason", blankToNull(detail.findElement(By.cssSelector(".wparflow-operation-reason")).getText()));
        List<WebElement> images = detail.findElements(By.cssSelector("tr.wparflow-image"));
        variables.put("imageId", images.isEmpty() ? null : images.get(0).getAttribute("data-id"));
        List<Command> commands = new ArrayList<>();
        for (WebElement summary : detail.findElements(By.cssSelector("details.wparflow-command > summary"))) {
            String line = summary.findElement(By.tagName("code")).getAttribute("textContent");
            int hash = line.indexOf(" # ");
            Matcher exit = EXIT.matcher(summary.getAttribute("textContent"));
            commands.add(new Command(line.substring(0, hash), line.substring(hash + 3),
                    exit.find() ? Integer.parseInt(exit.group(1)) : -1));
        }
        return new Operation(detail.findElement(By.cssSelector(".wparflow-operation-state")).getText(), variables,
                commands);
    }

    @Override
    public String refusalReason(String flow, String processInstanceId) throws Exception {
        WebElement detail = detail(processInstanceId);
        browser.screenshot(flow, "cockpit-refusal");
        return detail.findElement(By.cssSelector(".wparflow-operation-reason")).getText();
    }

    private WebElement detail(String processInstanceId) {
        browser.driver().get(app.baseUrl() + "/camunda/app/cockpit/default/#/wparflow-operations?id=" + processInstanceId);
        return browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#wparflow-operation-detail[data-id='" + processInstanceId + "']")));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

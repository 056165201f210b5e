package dev.wparflow.browser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The operation's result as the browser can show it with the webapps alone: the history the webapps' own API serves to
 * the logged-in user (Camunda's authorizations apply: an operator reads the instances they started), and our command
 * transcripts ({@code /api/commands}, HTTP Basic) for the instance and every instance it called.
 */
final class EngineHistoryView implements OperationView {

    private static final String HISTORY = "/camunda/api/engine/engine/default/history";

    private final Browser browser;
    private final PackagedApp app;
    private final Tasklist session;

    /** {@code session}: the Tasklist login whose webapp session and user the pages are read with. */
    EngineHistoryView(Browser browser, PackagedApp app, Tasklist session) {
        this.browser = browser;
        this.app = app;
        this.session = session;
    }

    @Override
    public Operation open(String flow, String processInstanceId) throws Exception {
        JsonNode instance = page(app.baseUrl() + HISTORY + "/process-instance/" + processInstanceId);
        browser.screenshot(flow, "operation-state");
        Map<String, String> variables = variables(processInstanceId, "");
        browser.screenshot(flow, "operation-variables");
        List<Command> commands = new ArrayList<>();
        Deque<String> instances = new ArrayDeque<>(List.of(processInstanceId));
        while (!instances.isEmpty()) {
            String id = instances.pop();
            for (JsonNode c : page(app.baseUrlAs(session.user()) + "/api/commands?processInstanceId=" + id)) {
                commands.add(new Command(c.path("host").asText(), c.path("command").asText(), c.path("exitStatus").asInt(-1)));
            }
            browser.screenshot(flow, "operation-commands");
            // which instances it called: test plumbing (the operator's history may not list instances the engine
            // started for them); their commands are read as the operator, which /api/commands allows
            for (JsonNode child : app.get("demo", "/engine-rest/history/process-instance?superProcessInstanceId=" + id)) {
                instances.add(child.path("id").asText());
            }
        }
        return new Operation(instance.path("state").asText(), variables, commands);
    }

    @Override
    public String refusalReason(String flow, String processInstanceId) throws Exception {
        Map<String, String> variables = variables(processInstanceId, "&variableNameIn=outcome,outcomeReason,failureReason");
        browser.screenshot(flow, "refusal-reason");
        return variables.get("outcomeReason") != null ? variables.get("outcomeReason") : variables.get("failureReason");
    }

    private Map<String, String> variables(String processInstanceId, String filter) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (JsonNode v : page(app.baseUrl() + HISTORY + "/variable-instance?processInstanceId=" + processInstanceId
                + "&deserializeValues=false" + filter)) {
            variables.put(v.path("name").asText(), v.path("value").isNull() ? null : v.path("value").asText());
        }
        return variables;
    }

    /** Navigates to a JSON page and reads what Chromium shows. */
    private JsonNode page(String url) {
        browser.driver().get(url);
        List<WebElement> pre = browser.driver().findElements(By.tagName("pre"));
        String text = pre.isEmpty() ? browser.driver().findElement(By.tagName("body")).getText() : pre.get(0).getText();
        try {
            return PackagedApp.JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON at " + url + ": " + text, e);
        }
    }
}

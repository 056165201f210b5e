package dev.wparflow.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the browser tests, saying what is missing, on a machine without chromium, chromedriver, ssh or curl
 * ({@code .ci/run} installs them all).
 */
final class ToolsInstalled implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Browser.missing().isPresent()) {
            return ConditionEvaluationResult.disabled(Browser.missing().get());
        }
        for (String tool : List.of("/usr/bin/ssh", "/usr/bin/curl")) {
            if (!Files.isExecutable(Path.of(tool))) {
                return ConditionEvaluationResult.disabled("browser tests need " + tool
                        + " (the simulated hosts are read with ssh, the README's examples run with curl)");
            }
        }
        return ConditionEvaluationResult.enabled("chromium, chromedriver, ssh and curl are installed");
    }
}

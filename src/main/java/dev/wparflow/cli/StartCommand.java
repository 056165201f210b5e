package dev.wparflow.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Option;

/**
 * A command that starts an operation through the engine REST API
 * ({@code POST /engine-rest/process-definition/key/KEY/start}) with the inputs its contract declares; the server
 * checks them and answers a wrong one with 400 naming the field, which is printed as it is.
 */
abstract class StartCommand extends ApiCommand {

    @Option(names = "--wait", description = "follow the operation to its end (as op wait); the exit status is its"
            + " outcome's")
    boolean await;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "with --wait: give up after this long")
    String timeout;

    /**
     * Starts it. Standard output gets the operation id alone (for {@code OP=$(wparflow wpar backup …)}), standard
     * error what was started and how to follow it; with {@code --wait} the operation is then followed to its end.
     */
    int start(String processKey, Map<String, Object> values) {
        JsonNode started = api().post("/engine-rest/process-definition/key/" + Api.segment(processKey) + "/start",
                Api.variables(values));
        String id = text(started, "id");
        if (json() && !await) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", id);
            result.put("processKey", processKey);
            result.put("ended", started.path("ended").asBoolean());
            printJson(result);
            return ExitStatus.DONE;
        }
        if (!json()) {
            out().println(id);
            out().flush();
        }
        err().println("started " + processKey + " as operation " + id
                + (await ? "" : "; follow it: wparflow op wait " + id));
        err().flush();
        if (!await) {
            return ExitStatus.DONE;
        }
        return OpCommand.follow(this, id, timeout == null ? null : OpCommand.duration("--timeout", timeout),
                java.time.Duration.ofSeconds(1));
    }

    /** {@code NAME=VALUE} pairs into the inputs; a pair without {@code =} is a usage error. */
    static void addVars(Map<String, Object> values, List<String> vars) {
        for (String v : vars) {
            int eq = v.indexOf('=');
            if (eq < 1) {
                throw new CliException(ExitStatus.USAGE, "--var: expected NAME=VALUE, not '" + v + "'");
            }
            values.put(v.substring(0, eq), v.substring(eq + 1));
        }
    }

    /** The LPAR a WPAR is on, from the inventory ({@code /api/wpars?name=}); refused unless exactly one. */
    String lparOf(String wpar) {
        JsonNode found = api().get("/api/wpars" + Api.query("name", wpar));
        if (found.size() == 0) {
            throw new CliException(ExitStatus.REFUSED_OR_FAILED, "wpar: no WPAR " + wpar
                    + " in the inventory (wparflow wpar list); give its LPAR with -l");
        }
        if (found.size() > 1) {
            StringBuilder on = new StringBuilder();
            found.forEach(w -> on.append(on.length() == 0 ? "" : ", ").append(text(w, "lpar")));
            throw new CliException(ExitStatus.USAGE, "wpar: " + wpar + " is on " + on + ": give its LPAR with -l");
        }
        return text(found.get(0), "lpar");
    }
}

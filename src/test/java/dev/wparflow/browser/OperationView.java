package dev.wparflow.browser;

import java.util.List;
import java.util.Map;

/**
 * Where the user who started an operation finds its result: state, outcome, reason, the commands it ran. Flows ask
 * this view, so the page behind it can change (an operations view in the webapps) without touching the flows.
 */
interface OperationView {

    /** The operation as its requester sees it, with the commands of the instances it called. */
    Operation open(String flow, String processInstanceId) throws Exception;

    /** Why a refused request was refused, as the requester sees it. */
    String refusalReason(String flow, String processInstanceId) throws Exception;

    record Operation(String state, Map<String, String> variables, List<Command> commands) {
        String variable(String name) {
            return variables.get(name);
        }

        List<String> commandLines() {
            return commands.stream().map(c -> c.host() + ": " + c.command()).toList();
        }
    }

    record Command(String host, String command, int exitStatus) {
    }
}

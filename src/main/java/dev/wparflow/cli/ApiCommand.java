package dev.wparflow.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to wparflow: the root's settings, the API, the output and {@code --json}. */
abstract class ApiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    WparflowCli root() {
        return (WparflowCli) spec.root().userObject();
    }

    Api api() {
        return root().api();
    }

    boolean json() {
        return root().json;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The answer as indented JSON on standard output. */
    void printJson(Object value) {
        try {
            out().println(Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new CliException(ExitStatus.REFUSED_OR_FAILED, "cannot print the answer: " + e.getOriginalMessage());
        }
        out().flush();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

package dev.wparflow.cli.planted;

import org.springframework.boot.SpringApplication;

import dev.wparflow.web.OperationHistory;

/** A planted violation for ArchitectureTest: the command line reading operations in-process and starting Spring. */
public class CommandLineThatStartsTheApp {
    public Object read(OperationHistory operations) {
        return SpringApplication.run(Object.class) == null ? null : operations.detail("1");
    }
}

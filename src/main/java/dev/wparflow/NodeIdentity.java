package dev.wparflow;

import java.lang.management.ManagementFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** This engine node's name in leases and logs: {@code wparflow.node-id}, else host name and process id. */
@Component
public class NodeIdentity {

    private final String id;

    public NodeIdentity(@Value("${wparflow.node-id:}") String configured) {
        this.id = configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured;
    }

    public String id() {
        return id;
    }
}

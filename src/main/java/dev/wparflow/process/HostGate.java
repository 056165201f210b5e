package dev.wparflow.process;

/**
 * Whether operations may start on a host, asked by the host rules of the input contracts ({@link InputRules}): null
 * when they may, else the reason the start is refused (the preflight gate: the host's last preflight failed).
 */
public interface HostGate {

    String refusal(String host);
}

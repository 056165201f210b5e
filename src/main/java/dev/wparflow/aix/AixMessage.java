package dev.wparflow.aix;

/**
 * One AIX message found in a command's output: {@code stopwpar: 0960-246 Workload partition wpr00 is currently
 * locked by stopwpar (PID = 385230).} gives source {@code stopwpar}, id {@code 0960-246}, and the text after the id.
 *
 * @param source  the command prefix before the id ({@code mkwpar}), or empty
 * @param id      the seven-digit id, e.g. {@code 0960-246}
 * @param text    the rest of the line after the id
 * @param outcome what {@link AixMessages} says the id means
 */
public record AixMessage(String source, String id, String text, AixOutcome outcome) {
}

package dev.wparflow.simulator;

import org.slf4j.LoggerFactory;

/**
 * Outside Spring, logback starts at DEBUG and MINA logs every session; the standalone simulator
 * and the benchmarks set the root logger to WARN (org.apache.sshd to WARN too).
 */
public final class QuietLogging {
    private QuietLogging() {
    }

    public static void apply() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx) {
            ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}

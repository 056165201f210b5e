package dev.wparflow.ssh;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line of the connection listing, in the spirit of the LPAR tool's {@code hmc connections}:
 * {@code hmc01: Master running (since 2025-06-01T10:00:00Z, 2 channels, idle 12s)} or
 * {@code hmc02: not connected}.
 *
 * @param address     {@code user@host:port}, or null if the name does not resolve
 * @param since       when the session was authenticated, null if not connected
 * @param channels    exec channels in use now
 * @param idleSeconds seconds since the last command ended (0 while a command runs)
 * @param commands    commands run on this session
 * @param expiresIn   seconds until control-persist closes it if it stays idle
 */
public record SessionInfo(String name, String address, boolean connected, Instant since, int channels,
        long idleSeconds, long commands, Long expiresIn) {

    public static SessionInfo notConnected(String name, String address) {
        return new SessionInfo(name, address, false, null, 0, 0, 0, null);
    }

    public String describe() {
        if (!connected) {
            return name + ": not connected";
        }
        return name + ": Master running (since " + since.truncatedTo(ChronoUnit.SECONDS) + ", " + channels
                + (channels == 1 ? " channel" : " channels") + ", idle " + idleSeconds + "s)";
    }

    Duration idle() {
        return Duration.ofSeconds(idleSeconds);
    }
}

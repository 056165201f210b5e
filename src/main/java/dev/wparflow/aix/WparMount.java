package dev.wparflow.aix;

/**
 * One row of {@code lswpar -M}. The Redbook never shows -M (digest §0.1); columns follow IBM's lswpar reference:
 * Name, MountPoint, Device, Vfs, Nodename, Options (Nodename empty for local file systems).
 */
public record WparMount(String name, String mountPoint, String device, String vfs, String nodename, String options) {
}

package dev.wparflow.simulator.command;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.wparflow.simulator.model.SimulatedHost;

/**
 * One command being run: host, user, argv (already shell-parsed) and the two output streams. Lines
 * are written with "\n" and flushed at once so a watcher sees progress.
 */
public final class Invocation {
    /**
     * Standard input of the SSH exec request being run on this thread (bound by the exec command around the command
     * line); interactive shells and detached runs have none, which reads as empty.
     */
    private static final ThreadLocal<java.io.InputStream> STDIN = new ThreadLocal<>();

    public static void bindStdin(java.io.InputStream in) {
        if (in == null) {
            STDIN.remove();
        } else {
            STDIN.set(in);
        }
    }

    /** Reads standard input to its end (empty when there is none). */
    public byte[] readStdin() {
        java.io.InputStream in = STDIN.get();
        if (in == null) {
            return new byte[0];
        }
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public final SimulatedHost host;
    public final String user;
    public final List<String> argv;
    public final Services services;
    /** Name of the WPAR the command runs in (clogin), or null in the global environment. */
    public final String insideWpar;
    private final OutputStream out;
    private final OutputStream err;

    public Invocation(SimulatedHost host, String user, List<String> argv, OutputStream out, OutputStream err,
                      Services services, String insideWpar) {
        this.host = host;
        this.user = user;
        this.argv = argv;
        this.out = out;
        this.err = err;
        this.services = services;
        this.insideWpar = insideWpar;
    }

    /** The command's base name: /usr/sbin/lswpar gives lswpar. */
    public String name() {
        String a = argv.get(0);
        int slash = a.lastIndexOf('/');
        return slash >= 0 ? a.substring(slash + 1) : a;
    }

    public List<String> args() {
        return argv.subList(1, argv.size());
    }

    public void out(String line) {
        write(out, line + "\n");
    }

    public void err(String line) {
        write(err, line + "\n");
    }

    public void outRaw(String text) {
        write(out, text);
    }

    public OutputStream stdout() {
        return out;
    }

    public OutputStream stderr() {
        return err;
    }

    /**
     * Writes to the session. A write that fails finds the session gone: the command has been hung up on, as an AIX
     * command is by SIGHUP when its ssh session dies. Its output is dropped and its thread interrupted, so it stops
     * at its next timed phase and takes the path of an interrupted command (stopwpar leaves the WPAR Broken, its
     * administrative lock released) instead of failing half-way with the lock still held.
     */
    private static void write(OutputStream s, String text) {
        try {
            synchronized (s) {
                s.write(text.getBytes(StandardCharsets.UTF_8));
                s.flush();
            }
        } catch (IOException hangup) {
            Thread.currentThread().interrupt();
        }
    }

    public Invocation with(List<String> newArgv, String wpar) {
        return new Invocation(host, user, newArgv, out, err, services, wpar);
    }

    public Invocation withStreams(List<String> newArgv, OutputStream o, OutputStream e) {
        return new Invocation(host, user, newArgv, o, e, services, insideWpar);
    }

    /** {@code CMD: Not a recognized flag: x} plus a usage line, exit 2 (AIX convention for usage errors). */
    /**
     * Flags by getopt {@code spec} and exactly one operand (the WPAR name), or null after printing the
     * usage: the caller then exits 2, as AIX commands do on a usage error.
     */
    public Getopt oneOperand(String spec, String usage) {
        Getopt g;
        try {
            g = new Getopt(args(), spec);
        } catch (Getopt.BadFlag bad) {
            usage(bad, usage);
            return null;
        }
        if (g.operands().size() != 1) {
            err("Usage: " + usage);
            return null;
        }
        return g;
    }

    public int usage(Getopt.BadFlag bad, String usage) {
        err(name() + ": " + bad.getMessage());
        err("Usage: " + usage);
        return 2;
    }
}

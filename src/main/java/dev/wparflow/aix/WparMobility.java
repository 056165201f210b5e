package dev.wparflow.aix;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live mobility and checkpoint/restart with the MCR commands in {@code /opt/mcr/bin} (need mcr.rte, RB:4707),
 * and {@code setclock} before a move (RB:4741, RB:4774). Digest §1.18-1.22, §3.8-3.10.
 */
public final class WparMobility {

    public static final String MOVEWPAR = "/opt/mcr/bin/movewpar";
    public static final String CHKPTWPAR = "/opt/mcr/bin/chkptwpar";
    public static final String RESTARTWPAR = "/opt/mcr/bin/restartwpar";

    private static final Pattern KEY = Pattern.compile("Connection key:\\s*\\R\\s*([0-9A-Fa-f]+)");
    private static final Pattern SERVER_STARTED = Pattern.compile(
            "mcr: Migration server started successfully for wpar (\\S+)");
    private static final Pattern SERVER_STOPPED = Pattern.compile("mcr: Migration server for wpar (\\S+) stopped");
    private static final Pattern CHECKPOINTED = Pattern.compile("mcr: WPAR (\\S+) was checkpointed in (\\S+?)\\.?$",
            Pattern.MULTILINE);
    private static final Pattern RESTARTED = Pattern.compile("mcr: WPAR (\\S+) was restarted from (\\S+?)\\.?$",
            Pattern.MULTILINE);

    private WparMobility() {
    }

    /** movewpar's log level ({@code -l}); the book shows only {@code debug} (RB:4790), other levels are [SILENT]. */
    public enum LogLevel {
        DEBUG("debug");

        private final String word;

        LogLevel(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** The departing side's answer to {@code movewpar -s}. */
    public record MoveStarted(String wpar, ConnectionKey key) {
    }

    /** {@code movewpar -s [-o LOG] [-l LEVEL] NAME} on the departing node (RB:4790). */
    public static AixCommand startDeparture(WparName name, AbsolutePath logFile, LogLevel level) {
        AixCommand.Builder b = AixCommand.of(MOVEWPAR).flag("-s");
        logging(b, logFile, level);
        return b.arg(name).build();
    }

    /** {@code movewpar -k KEY [-o LOG] [-l LEVEL] NAME DEPARTING_IP} on the arriving node (RB:4816). */
    public static AixCommand arrive(ConnectionKey key, WparName name, IpAddress departingIp, AbsolutePath logFile,
            LogLevel level) {
        AixCommand.Builder b = AixCommand.of(MOVEWPAR).flag("-k", key);
        logging(b, logFile, level);
        return b.arg(name).arg(departingIp).build();
    }

    /** {@code movewpar -x NAME}: abort; must run on both nodes (RB:4837). */
    public static AixCommand abort(WparName name) {
        return AixCommand.of(MOVEWPAR).flag("-x").arg(name).build();
    }

    private static void logging(AixCommand.Builder b, AbsolutePath logFile, LogLevel level) {
        if (logFile != null) {
            b.flag("-o", logFile);
        }
        if (level != null) {
            b.option("-l", level.word());
        }
    }

    /** Parses "Connection key:" / key / "mcr: Migration server started successfully for wpar X" (RB:4792-4796). */
    public static MoveStarted parseDeparture(String out) {
        Matcher k = KEY.matcher(out);
        if (!k.find()) {
            throw new UnexpectedOutputException("movewpar -s: no 'Connection key:' followed by a hex key");
        }
        Matcher s = SERVER_STARTED.matcher(out);
        if (!s.find()) {
            throw new UnexpectedOutputException("movewpar -s: no 'Migration server started successfully' line");
        }
        return new MoveStarted(s.group(1), ConnectionKey.of(k.group(1)));
    }

    /** The WPAR named by "mcr: Migration server for wpar X stopped" (RB:4868). */
    public static String parseAborted(String out) {
        Matcher s = SERVER_STOPPED.matcher(out);
        if (!s.find()) {
            throw new UnexpectedOutputException("movewpar -x: no 'Migration server for wpar ... stopped' line");
        }
        return s.group(1);
    }

    /** {@code setclock TIMESERVER}: on the arriving node, with the departing node's address (RB:4814). */
    public static AixCommand setclock(IpAddress timeServer) {
        return AixCommand.of("setclock").arg(timeServer).build();
    }

    /**
     * What becomes of the WPAR once its checkpoint is stored: {@code -k} stops it (RB:4897); without a flag it goes on
     * running (IBM's chkptwpar reference; the book shows only -k).
     */
    public enum AfterCheckpoint {
        CONTINUE, KILL
    }

    /** {@code chkptwpar [-k] -d DIR NAME}. */
    public static AixCommand checkpoint(WparName name, AbsolutePath directory, AfterCheckpoint after) {
        return checkpoint(name, directory, after == AfterCheckpoint.KILL);
    }

    /** {@code chkptwpar -k -d DIR NAME}: checkpoint and kill (RB:4897); without kill the book is [SILENT]. */
    public static AixCommand checkpoint(WparName name, AbsolutePath directory, boolean kill) {
        AixCommand.Builder b = AixCommand.of(CHKPTWPAR);
        if (kill) {
            b.flag("-k");
        }
        return b.flag("-d", directory).arg(name).build();
    }

    /** Directory the WPAR was checkpointed in; requires "Checkpoint command succeeded." (RB:4910-4918). */
    public static String parseCheckpointed(String out) {
        Matcher m = CHECKPOINTED.matcher(out);
        if (!m.find() || !out.contains("Checkpoint command succeeded.")) {
            throw new UnexpectedOutputException("chkptwpar: no 'was checkpointed in' / 'Checkpoint command succeeded.'");
        }
        return m.group(2);
    }

    /** {@code restartwpar -d DIR NAME} (RB:4903). */
    public static AixCommand restart(WparName name, AbsolutePath directory) {
        return AixCommand.of(RESTARTWPAR).flag("-d", directory).arg(name).build();
    }

    /** Directory the WPAR was restarted from ("mcr: WPAR X was restarted from DIR.", RB:4930). */
    public static String parseRestarted(String out) {
        Matcher m = RESTARTED.matcher(out);
        if (!m.find()) {
            throw new UnexpectedOutputException("restartwpar: no 'was restarted from' line");
        }
        return m.group(2);
    }
}

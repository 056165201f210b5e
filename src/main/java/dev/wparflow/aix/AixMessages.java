package dev.wparflow.aix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of AIX message ids wparflow understands, id → outcome, with where each comes from.
 * "RB:n" is a line of the Redbook (../shared/seeds/003_be22bf8e6632cd4a.txt), indexed in the digest §1.34.
 * Ids marked [IBM] are not printed in the Redbook; they come from IBM's public AIX message catalogue / command
 * references and are recognised by id prefix and text. The simulator emits exactly the RB texts.
 */
public final class AixMessages {

    /** One row of the table. */
    public record Entry(String id, AixOutcome outcome, String sample, String source) {
    }

    private static final Map<String, Entry> TABLE = new LinkedHashMap<>();

    private static void put(String id, AixOutcome outcome, String sample, String source) {
        TABLE.put(id, new Entry(id, outcome, sample, source));
    }

    static {
        // --- WPAR commands (prefix 0960) ---
        put("0960-246", AixOutcome.LOCKED_BY_OTHER_PROCESS,
                "stopwpar: 0960-246 Workload partition wpr00 is currently locked by stopwpar (PID = 385230).",
                "RB:4666 (Example 4-23), RB:4676");
        put("0960-053", AixOutcome.WRONG_STATE,
                "chwpar: 0960-053 Cannot change the name (-n) of a running workload partition.", "RB:2784 (Example 4-12)");
        put("0960-002", AixOutcome.BASE_DIRECTORY_CONFLICT,
                "mkwpar: 0960-002 /wpars/skippy already exists.", "RB:10911, RB:10919 (Examples 7-16/7-17)");
        put("0960-318", AixOutcome.BASE_DIRECTORY_CONFLICT,
                "mkwpar: 0960-318 Workload partition directory /wpars/skippy is not empty.  Quitting.",
                "RB:10913 (Example 7-16)");
        put("0960-105", AixOutcome.HOSTNAME_OR_ADDRESS_IN_USE,
                "mkwpar: 0960-105 general.hostname must be unique across all workload partitions.",
                "RB:10925, RB:10939 (Example 7-17)");
        put("0960-100", AixOutcome.NOT_CHECKPOINTABLE,
                "mkwpar: 0960-100 All writable file systems must be remote for checkpointable workload partitions.",
                "RB:14615-14641 (Example 10-16)");
        put("0960-390", AixOutcome.INFORMATIONAL,
                "mkwpar: 0960-390 To start the workload partition, execute the following as root: startwpar [-v] wpr00",
                "RB:2496, RB:3851, RB:4029, RB:13796");
        put("0960-261", AixOutcome.INFORMATIONAL,
                "stopwpar: 0960-261 Waiting up to 600 seconds for workload partition to halt.", "RB:2664, RB:2742, RB:4688");
        put("0960-001", AixOutcome.COMMAND_FAILED, "0960-001 (numbering example only)", "RB:14310");
        // --- backup ---
        put("0512-038", AixOutcome.INFORMATIONAL, "0512-038 savewpar: Backup Completed Successfully.", "RB:3759, RB:9874");
        // --- SRC ---
        put("0513-059", AixOutcome.INFORMATIONAL,
                "0513-059 The cor_wpr00 Subsystem has been started. Subsystem PID is 340192.", "RB:2530");
        put("0513-044", AixOutcome.INFORMATIONAL, "0513-044 The cor_wpr00 Subsystem was requested to stop.", "RB:2662");
        put("0513-004", AixOutcome.INFORMATIONAL,
                "0513-004 The Subsystem or Group, nfsd, is currently inoperative.", "RB:2630");
        put("0513-071", AixOutcome.INFORMATIONAL, "0513-071 The mobip6reqd Subsystem has been added.", "RB:10212");
        put("0513-085", AixOutcome.SUBSYSTEM_NOT_FOUND, "0513-085 The xntpd Subsystem is not on file.",
                "[IBM] lssrc/startsrc message catalogue; not in the Redbook");
        // --- software ---
        put("0504-132", AixOutcome.FILESET_NOT_INSTALLED,
                "lslpp: 0504-132  Fileset bos.net.mobip6.rte not installed.", "RB:10108");
        // --- shell / files / network ---
        put("0403-006", AixOutcome.PERMISSION_DENIED, "ksh: startwpar: 0403-006 Execute permission denied.", "RB:8210");
        put("0653-341", AixOutcome.NO_SUCH_FILE, "ls: 0653-341 The file /dev/zero does not exist.", "RB:13260");
        put("0652-050", AixOutcome.NO_SUCH_FILE, "cat: 0652-050 Cannot open <file>.", "RB:6555, RB:6809");
        put("0821-069", AixOutcome.NETWORK_UNREACHABLE,
                "0821-069 ping: sendto: Cannot reach the destination network.", "RB:8451");
        put("3004-610", AixOutcome.INFORMATIONAL, "[compat]: 3004-610 You are required to change your password.",
                "RB:7698");
        // --- LVM [IBM]: allocp cannot satisfy the request (no free partitions) ---
        put("0516-404", AixOutcome.NOT_ENOUGH_SPACE,
                "0516-404 allocp: This system cannot fulfill the allocation request.",
                "[IBM] LVM message catalogue; not in the Redbook");
    }

    /** Matches an id at a message position: after a line start, ': ' or a space, followed by white space. */
    private static final Pattern ID = Pattern.compile("(?m)(?:^|(?<=\\s))(?:([A-Za-z_][\\w.\\[\\]]*):\\s+)?(\\d{4}-\\d{3})(?=\\s)(.*)$");

    private AixMessages() {
    }

    /** The table, in source order. */
    public static Map<String, Entry> table() {
        return Collections.unmodifiableMap(TABLE);
    }

    public static Optional<Entry> lookup(String id) {
        return Optional.ofNullable(TABLE.get(id));
    }

    /** Outcome of an id; unknown ids are {@link AixOutcome#COMMAND_FAILED} (restore's 0511- family: IMAGE_CORRUPT). */
    public static AixOutcome outcomeOf(String id) {
        Entry e = TABLE.get(id);
        if (e != null) {
            return e.outcome();
        }
        if (id.startsWith("0511-")) {
            // [IBM] restore(1) messages (0511-xxx) inside restwpar/lssavewpar: the archive cannot be read
            return AixOutcome.IMAGE_CORRUPT;
        }
        return AixOutcome.COMMAND_FAILED;
    }

    /** All messages with an id in {@code text}, in order. */
    public static List<AixMessage> scan(String text) {
        List<AixMessage> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Matcher m = ID.matcher(text);
        while (m.find()) {
            String source = m.group(1) == null ? "" : m.group(1);
            String id = m.group(2);
            out.add(new AixMessage(source, id, m.group(3).trim(), outcomeOf(id)));
        }
        return out;
    }
}

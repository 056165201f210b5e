package dev.wparflow.aix;

/**
 * What a failed (or noteworthy) AIX/NIM/HMC command means for a process. Business outcomes become
 * {@code BpmnError}s with {@link #errorCode()} in the process layer; technical ones become exceptions and
 * incidents. They are values here, never exceptions.
 */
public enum AixOutcome {
    /** A message that reports progress or success, e.g. 0960-390 or 0512-038; never a failure. */
    INFORMATIONAL(false),
    /** 0960-246: an administrative lock is held by another process (RB:4666, Example 4-23). */
    LOCKED_BY_OTHER_PROCESS(true),
    /** A WPAR with that name already exists on the host. */
    WPAR_NAME_TAKEN(true),
    /** 0960-002 / 0960-318: the base directory already exists or is not empty (RB:10911-10913). */
    BASE_DIRECTORY_CONFLICT(true),
    /** 0960-105: hostname or network address already used by another WPAR (RB:10925-10943). */
    HOSTNAME_OR_ADDRESS_IN_USE(true),
    /** Not enough free space (volume group partitions, file system). */
    NOT_ENOUGH_SPACE(true),
    /** 0960-100: checkpointable WPAR with local writable file systems (RB:14615), or not created with -c. */
    NOT_CHECKPOINTABLE(true),
    /** The named WPAR does not exist on the host. */
    WPAR_NOT_FOUND(true),
    /** The WPAR is not in the state the operation needs, e.g. 0960-053 (RB:2784). */
    WRONG_STATE(true),
    /** A resource-control value is inconsistent, e.g. totalThreads &lt; totalProcesses (RB:11806). */
    INVALID_RESOURCE_CONTROL(true),
    /** The backup image file does not exist or cannot be opened. */
    IMAGE_NOT_FOUND(true),
    /** The backup image cannot be read as a savewpar image. */
    IMAGE_CORRUPT(true),
    /** /opt/mcr/bin commands are missing: mcr.rte (WPAR Manager agent) not installed (RB:4707). */
    MCR_NOT_INSTALLED(true),
    /** setclock failed: clocks could not be synchronised before a move (RB:4741). */
    CLOCK_SYNC_FAILED(true),
    /** 0504-132: fileset not installed (RB:10108). */
    FILESET_NOT_INSTALLED(true),
    /** The SRC subsystem is not defined on the host. */
    SUBSYSTEM_NOT_FOUND(true),
    /** The NIM object does not exist. */
    NIM_OBJECT_NOT_FOUND(true),
    /** 0403-006: RBAC or file permissions refuse the command (RB:8210). */
    PERMISSION_DENIED(false),
    /** 0653-341 / 0652-050: a file does not exist or cannot be opened (RB:13260, RB:6555). */
    NO_SUCH_FILE(false),
    /** 0821-069: destination network unreachable (RB:8451). */
    NETWORK_UNREACHABLE(false),
    /** The shell could not find the program (exit status 127). */
    COMMAND_NOT_FOUND(false),
    /** The command succeeded but its output could not be understood. */
    UNEXPECTED_OUTPUT(false),
    /** Any other non-zero exit; the failure carries the first stderr line. */
    COMMAND_FAILED(false);

    private final boolean business;

    AixOutcome(boolean business) {
        this.business = business;
    }

    /** True for outcomes a process model handles (BpmnError); false for technical failures (incident). */
    public boolean isBusiness() {
        return business;
    }

    /** The UPPER_SNAKE code for a {@code BpmnError}. */
    public String errorCode() {
        return name();
    }
}

package dev.wparflow.process.backup;

/**
 * A business failure of a backup, restore or clone step (WPAR missing, savewpar failed, image corrupt…): the
 * delegate turns it into a BpmnError with {@link #code()}; the model records it and cleans up.
 */
public class BackupRefusal extends RuntimeException {

    private final String code;

    public BackupRefusal(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

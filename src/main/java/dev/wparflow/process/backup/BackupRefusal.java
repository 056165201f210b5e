package dev.wparflow.process.backup;

import dev.wparflow.process.OperationRefusal;

/**
 * A business failure of a backup, restore or clone step (WPAR missing, savewpar failed, image corrupt…): the
 * delegate turns it into a BpmnError with {@link #code()}; the model records it and cleans up.
 */
public class BackupRefusal extends OperationRefusal {

    public BackupRefusal(String code, String message) {
        super(code, message);
    }
}

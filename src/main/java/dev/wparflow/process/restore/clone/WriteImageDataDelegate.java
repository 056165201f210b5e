package dev.wparflow.process.restore.clone;

import static dev.wparflow.process.restore.RestoreVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import dev.wparflow.process.restore.RestoreStepDelegate;
import dev.wparflow.process.restore.RestoreVariables;
import dev.wparflow.process.restore.WparRestoreService;

/** The edited image.data (target volume group and disks) written on the target with tee. */
@Component
public class WriteImageDataDelegate extends RestoreStepDelegate {

    private final WparRestoreService restores;

    public WriteImageDataDelegate(WparRestoreService restores) {
        this.restores = restores;
    }

    @Override
    protected void step(DelegateExecution e) {
        String disks = string(e, DISKS);
        e.setVariable(IMAGE_DATA_FILE, restores.writeEditedImageData(origin(e), string(e, HOST),
                restores.chooseImage(string(e, IMAGE_ID), null, null), string(e, WPAR), string(e, VOLUME_GROUP),
                disks == null ? null : java.util.Arrays.stream(disks.split(",")).map(String::strip).filter(d -> !d.isEmpty()).toList()));
    }
}

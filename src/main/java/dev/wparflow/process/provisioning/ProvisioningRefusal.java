package dev.wparflow.process.provisioning;

import dev.wparflow.process.OperationRefusal;

/**
 * What the request got wrong or what the hosts refused (name taken, not a NIM client, create failed…): the step turns
 * it into a BpmnError with {@link #code()}, and the model ends refused or rolls back.
 */
public class ProvisioningRefusal extends OperationRefusal {

    public ProvisioningRefusal(String code, String message) {
        super(code, message);
    }
}

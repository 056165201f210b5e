package dev.wparflow.process.provisioning;

/**
 * What the request got wrong or what the hosts refused (name taken, not a NIM client, create failed…): the step turns
 * it into a BpmnError with {@link #code()}, and the model ends refused or rolls back.
 */
public class ProvisioningRefusal extends RuntimeException {

    private final String code;

    public ProvisioningRefusal(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

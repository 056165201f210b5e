package dev.wparflow.process.relocation.request;

/**
 * A relocation as requested (start form or REST): {@code arriving} null means "choose for me", {@code mode} auto,
 * static or live, {@code window} an ISO-8601 date-time or null. {@code id} is the umbrella's process instance.
 */
public record RelocationRequest(String wpar, String departing, String arriving, String mode, boolean validateOnly,
        String window, String requester, String id) {

    public RelocationRequest withArriving(String lpar) {
        return new RelocationRequest(wpar, departing, lpar, mode, validateOnly, window, requester, id);
    }
}

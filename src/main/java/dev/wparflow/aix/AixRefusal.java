package dev.wparflow.aix;

/**
 * A command the host refused for a reason a process model handles ({@link AixOutcome#isBusiness()}): WPAR not found,
 * name taken, wrong state, locked by another process… A step that does not expect it lets it through as a technical
 * failure; a step that does catches it and ends in its own refusal.
 */
public class AixRefusal extends AixCommandException {

    public AixRefusal(AixFailure failure) {
        super(failure);
    }
}

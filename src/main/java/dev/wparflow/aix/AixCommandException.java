package dev.wparflow.aix;

/**
 * An AIX command that did not do what was asked, as the {@link AixGateway} reports it: a technical failure (the job
 * retries, then an incident whose message is {@link AixFailure#describe()}: host, command, outcome, message). A
 * refusal a process model handles is the subclass {@link AixRefusal}.
 */
public class AixCommandException extends IllegalStateException {

    private final transient AixFailure failure;

    public AixCommandException(AixFailure failure) {
        super(failure.describe());
        this.failure = failure;
    }

    /** Thrown for a failure: an {@link AixRefusal} for a business outcome, else this class. */
    static AixCommandException of(AixFailure failure) {
        return failure.outcome().isBusiness() ? new AixRefusal(failure) : new AixCommandException(failure);
    }

    public AixFailure failure() {
        return failure;
    }

    public AixOutcome outcome() {
        return failure.outcome();
    }
}

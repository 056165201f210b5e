package dev.wparflow.aix;

/** A parser met output it cannot understand. {@link AixOutcomes} turns it into {@link AixOutcome#UNEXPECTED_OUTPUT}. */
public class UnexpectedOutputException extends RuntimeException {

    public UnexpectedOutputException(String message) {
        super(message);
    }
}

package dev.wparflow.process.relocation;

/**
 * A technical failure of a relocation step: the job fails, is retried, then becomes an incident whose message
 * (this exception's) names host, command and reason.
 */
public class RelocationStepException extends RuntimeException {

    public RelocationStepException(String message) {
        super(message);
    }
}

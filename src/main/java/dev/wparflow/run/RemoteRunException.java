package dev.wparflow.run;

/** A detached run could not be started: a technical failure, so the job retries and then raises an incident. */
public class RemoteRunException extends RuntimeException {

    public RemoteRunException(String host, String program, String reason) {
        super(host + ": " + program + ": " + reason);
    }
}

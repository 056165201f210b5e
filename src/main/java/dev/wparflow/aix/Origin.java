package dev.wparflow.aix;

/**
 * Who runs a remote command: the process instance and activity (for transcripts and run ids), or
 * a background job of wparflow itself (discovery, the run poller) with a descriptive activity.
 */
public record Origin(String processInstanceId, String activityId) {

    public static Origin background(String what) {
        return new Origin(null, what);
    }
}

package dev.wparflow.simulator.dc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One live move between two simulated hosts (Redbook 4.7.4): registered by {@code movewpar -s} on the departing
 * host under its connection key, completed by {@code movewpar -k KEY NAME DEPARTING_IP} on the arriving host,
 * aborted by {@code movewpar -x NAME} on either side.
 */
public final class PendingMove {
    public enum Phase { WAITING, RECEIVING, MEMORY, FINISHING, COMPLETED, ABORTED }

    public final String key;
    public final String wpar;
    public final String departingHost;
    public final String departingIp;
    public final String logFile;
    public volatile String arrivingHost;
    public volatile Phase phase = Phase.WAITING;
    private final CountDownLatch abort = new CountDownLatch(1);

    public PendingMove(String key, String wpar, String departingHost, String departingIp, String logFile) {
        this.key = key;
        this.wpar = wpar;
        this.departingHost = departingHost;
        this.departingIp = departingIp;
        this.logFile = logFile;
    }

    public void abort() {
        phase = Phase.ABORTED;
        abort.countDown();
    }

    public boolean aborted() {
        return abort.getCount() == 0;
    }

    /** Waits {@code millis} or until aborted; true when aborted. */
    public boolean waitOrAbort(long millis) throws InterruptedException {
        if (millis <= 0) {
            return aborted();
        }
        return abort.await(millis, TimeUnit.MILLISECONDS);
    }

    public boolean open() {
        return phase != Phase.COMPLETED && phase != Phase.ABORTED;
    }

    @Override
    public String toString() {
        return wpar + " " + departingHost + "->" + (arrivingHost == null ? "?" : arrivingHost) + " " + phase + " key "
                + key;
    }
}

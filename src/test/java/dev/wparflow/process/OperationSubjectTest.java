package dev.wparflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.wparflow.process.OperationSubject.State;

class OperationSubjectTest {

    @Test
    void theSubjectSaysWhatWasAsked() {
        assertThat(OperationSubject.of("WparRelocationProcess", "WPAR relocation",
                Map.of("wpar", "wpr00", "departingLpar", "lpar00", "arrivingLpar", "lpar00")::get))
                .isEqualTo("relocate wpr00 lpar00 → lpar00");
        assertThat(OperationSubject.of("WparRelocationProcess", "WPAR relocation",
                Map.of("wpar", "wpr00", "departingLpar", "lpar00")::get))
                .isEqualTo("relocate wpr00 lpar00 → (to be chosen)");
        assertThat(OperationSubject.of("WparCloneProcess", null,
                Map.of("wpar", "wpr06", "host", "lpar01", "imageId", "img-1")::get))
                .isEqualTo("clone img-1 as wpr06 on lpar01");
        assertThat(OperationSubject.of("WparDecommissionProcess", null,
                Map.of("wpar", "wpr12", "lpar", "lpar00")::get)).isEqualTo("decommission wpr12 on lpar00");
        assertThat(OperationSubject.of("WparResourceChangeProcess", null,
                Map.of("wpar", "wpr10", "lpar", "lpar00")::get))
                .isEqualTo("change the resource controls of wpr10 on lpar00");
        assertThat(OperationSubject.of("WparProvisioningProcess", null,
                Map.of("wpar", "web01", "lpar", "lpar00")::get)).isEqualTo("provision web01 on lpar00");
        assertThat(OperationSubject.of("WparCheckpointProcess", null,
                Map.of("wpar", "mob01", "lpar", "lpar00", "action", "checkpoint")::get))
                .isEqualTo("checkpoint mob01 on lpar00");
        assertThat(OperationSubject.of("WparCheckpointProcess", null,
                Map.of("wpar", "mob01", "lpar", "lpar01", "action", "restart")::get))
                .isEqualTo("restart mob01 on lpar01");
        assertThat(OperationSubject.of("WparLifecycleProcess", null,
                Map.of("action", "stop", "wpars", "wpr00,wpr01", "lpar", "lpar00")::get))
                .isEqualTo("stop wpr00,wpr01 on lpar00");
        assertThat(OperationSubject.of("WparLifecycleProcess", null,
                Map.of("action", "reboot", "allWpars", true, "lpar", "lpar00")::get))
                .isEqualTo("reboot every WPAR on lpar00");
        assertThat(OperationSubject.of("WparLifecycleProcess", null,
                Map.of("action", "stop", "group", "sydney-web")::get))
                .isEqualTo("stop relocation group sydney-web");
        assertThat(OperationSubject.of("WparProvisioningProcess", null,
                Map.of("wpar", "web01", "targetLpar", "lpar01")::get)).isEqualTo("provision web01 on lpar01");
        assertThat(OperationSubject.of("WparSyncProcess", null, Map.of("lpar", "lpar00")::get))
                .isEqualTo("sync the software of the drifting WPARs on lpar00");
        assertThat(OperationSubject.of("WparSyncProcess", null, Map.of("lpar", "lpar00", "wpars", "wpr00")::get))
                .isEqualTo("sync the software of wpr00 on lpar00");
        assertThat(OperationSubject.of("EvacuationProcess", null, Map.of("managedSystem", "sys570a")::get))
                .isEqualTo("evacuate managed system sys570a");
        assertThat(OperationSubject.of("EvacuationProcess", null, Map.of("lpar", "lpar00")::get))
                .isEqualTo("evacuate LPAR lpar00");
        assertThat(OperationSubject.of("EvacuationProcess", null, Map.of("returnFrom", "e-1")::get))
                .isEqualTo("return home from evacuation e-1");
        assertThat(OperationSubject.of("PreflightProcess", null, Map.of("hosts", "lpar00,nim01")::get))
                .isEqualTo("preflight lpar00,nim01");
        assertThat(OperationSubject.of("PreflightProcess", null, Map.of()::get)).isEqualTo("preflight every host");
        assertThat(OperationSubject.of("SomeLaterProcess", "Some later process", Map.of()::get))
                .isEqualTo("Some later process");
    }

    @Test
    void theStateFollowsTheOutcomeTheProcessWrote() {
        assertThat(state(Map.of("outcome", "REFUSED"))).isEqualTo(State.REFUSED);
        assertThat(state(Map.of("outcome", "INCOMPATIBLE"))).isEqualTo(State.REFUSED);
        assertThat(state(Map.of("outcome", "REJECTED"))).isEqualTo(State.REJECTED);
        assertThat(state(Map.of("outcome", "ROLLED_BACK"))).isEqualTo(State.ROLLED_BACK);
        assertThat(state(Map.of("outcome", "ABSENT", "failureCode", "X"))).isEqualTo(State.FAILED);
        assertThat(state(Map.of("outcome", "RELOCATED"))).isEqualTo(State.COMPLETED);
        assertThat(state(Map.of("outcome", "DECOMMISSIONED"))).isEqualTo(State.COMPLETED);
        // processes without an outcome variable (a backup): a failure code means it failed
        assertThat(state(Map.of("failureCode", "WPAR_NOT_FOUND"))).isEqualTo(State.FAILED);
        assertThat(state(Map.of("imageId", "img-1"))).isEqualTo(State.COMPLETED);
        assertThat(OperationSubject.state(false, false, Map.of("outcome", "REFUSED")::get)).isEqualTo(State.RUNNING);
        assertThat(OperationSubject.state(true, true, Map.of()::get)).isEqualTo(State.CANCELED);
    }

    @Test
    void theReasonIsTheOutcomesElseTheFailureElseTheSummary() {
        assertThat(OperationSubject.reason(Map.of("outcomeReason", "REQUEST_INVALID: both lpar00",
                "failureReason", "other")::get)).isEqualTo("REQUEST_INVALID: both lpar00");
        assertThat(OperationSubject.reason(Map.of("failureCode", "IMAGE_NOT_FOUND",
                "failureReason", "no image img-9")::get)).isEqualTo("IMAGE_NOT_FOUND: no image img-9");
        assertThat(OperationSubject.reason(Map.of("failureCode", "IMAGE_NOT_FOUND",
                "failureReason", "IMAGE_NOT_FOUND: no image img-9")::get)).isEqualTo("IMAGE_NOT_FOUND: no image img-9");
        assertThat(OperationSubject.reason(Map.of("summary", "12 done, 1 failed")::get)).isEqualTo("12 done, 1 failed");
        assertThat(OperationSubject.reason(Map.of()::get)).isNull();
    }

    private static State state(Map<String, Object> variables) {
        return OperationSubject.state(true, false, variables::get);
    }
}

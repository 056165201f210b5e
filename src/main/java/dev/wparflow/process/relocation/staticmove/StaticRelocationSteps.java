package dev.wparflow.process.relocation.staticmove;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.relocation.RelocationStepDelegate.changingHost;
import static dev.wparflow.process.relocation.RelocationStepDelegate.step;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.process.relocation.Relocation;

/**
 * The steps of WparStaticRelocationProcess in the model's order, as the beans its {@code delegateExpression}s name. The
 * rows are those of the Redbook's Table 4-2 (system WPAR) and Table 4-3 (application WPAR). Every step that changes a
 * host needs the relocation's approved change ({@code changingHost}).
 */
@Configuration(proxyBeanMethods = false)
class StaticRelocationSteps {

    /** Row 1: Active or Defined on the departing system (Table 4-3 row 1: an application WPAR Active); remembers which. */
    @Bean
    JavaDelegate verifyDepartingWparDelegate(StaticRelocationService service) {
        return changingHost(e -> {
            Relocation r = relocation(e);
            StaticRelocationService.Departure departure = service.verifyDeparture(r, origin(e));
            WAS_ACTIVE.set(e, departure.wasActive());
            APPLICATION_WPAR.set(e, departure.application());
            LOCK_OWNER.set(e, r.lockOwner());
            RELOCATION_ID.set(e, r.relocationId());
        });
    }

    /** Row 2: lease and administrative lock on the departing system; contention is a variable, the model waits. */
    @Bean
    JavaDelegate lockDepartingWparDelegate(StaticRelocationService service) {
        return changingHost(e -> {
            StaticRelocationService.LockOutcome lock = service.lockDeparture(relocation(e), origin(e));
            LOCK_ATTEMPTS.set(e, lockAttempts(e) + 1);
            DEPARTURE_LOCKED.set(e, lock.acquired());
            LOCK_HELD_BY.set(e, lock.heldBy());
            if (lock.acquired()) {
                DEPARTURE_TOKEN.set(e, lock.fencingToken());
            }
        });
    }

    /** Row 3: the WPAR does not exist on the arriving system. */
    @Bean
    JavaDelegate verifyAbsentOnArrivalDelegate(StaticRelocationService service) {
        return step(e -> service.verifyAbsentOnArrival(relocation(e), origin(e)));
    }

    /** Row 4: the lease on the WPAR's name on the arriving system. */
    @Bean
    JavaDelegate lockArrivingWparDelegate(StaticRelocationService service) {
        return changingHost(e -> ARRIVAL_TOKEN.set(e, service.lockArrival(relocation(e), origin(e))));
    }

    /** Row 5: the current spec of the WPAR, beside the image. */
    @Bean
    JavaDelegate writeDepartureSpecDelegate(StaticRelocationService service) {
        return step(e -> service.writeDepartureSpec(relocation(e), departureToken(e), origin(e)));
    }

    /** Row 6: last known host and target in the inventory. */
    @Bean
    JavaDelegate recordTransitionalDelegate(StaticRelocationService service) {
        return step(e -> service.recordTransitional(relocation(e)));
    }

    /** Row 7: stop the WPAR if it is Active. */
    @Bean
    JavaDelegate stopDepartingWparDelegate(StaticRelocationService service) {
        return changingHost(e -> service.stopIfActive(relocation(e), departureToken(e), origin(e)));
    }

    /** Row 8: savewpar to the shared repository, detached. */
    @Bean
    JavaDelegate saveWparDelegate(StaticRelocationService service) {
        return changingHost(e -> SAVE_RUN_ID.set(e, service.startSave(relocation(e), departureToken(e), origin(e))));
    }

    /** After the save run: it must have succeeded. */
    @Bean
    JavaDelegate checkSaveDelegate(StaticRelocationService service) {
        return step(e -> service.checkSave(relocation(e), SAVE_RUN_ID.get(e), departureToken(e), origin(e)));
    }

    /** Row 9: restwpar on the arriving system, detached. */
    @Bean
    JavaDelegate restoreWparDelegate(StaticRelocationService service) {
        return changingHost(e -> RESTORE_RUN_ID.set(e, service.startRestore(relocation(e), origin(e))));
    }

    /** After the restore run: it must have succeeded. */
    @Bean
    JavaDelegate checkRestoreDelegate(StaticRelocationService service) {
        return step(e -> service.checkRestore(relocation(e), RESTORE_RUN_ID.get(e), arrivalToken(e), origin(e)));
    }

    /** Row 10: start the WPAR that was originally Active. */
    @Bean
    JavaDelegate startArrivingWparDelegate(StaticRelocationService service) {
        return changingHost(e -> service.startOnArrival(relocation(e), arrivalToken(e), origin(e)));
    }

    /** Table 4-3 row 8: start the application WPAR on the arriving system from the departing spec (wparexec -f). */
    @Bean
    JavaDelegate startApplicationOnArrivalDelegate(StaticRelocationService service) {
        return changingHost(e -> service.startApplicationOnArrival(relocation(e), arrivalToken(e), origin(e)));
    }

    /** Row 11: Active on arrival if it was Active (Defined if it was Defined). */
    @Bean
    JavaDelegate verifyArrivingWparDelegate(StaticRelocationService service) {
        return step(e -> service.verifyOnArrival(relocation(e), wasActive(e), origin(e)));
    }

    /** Row 12: the configured service check inside the WPAR. */
    @Bean
    JavaDelegate verifyWparServicesDelegate(StaticRelocationService service) {
        return step(e -> service.verifyServices(relocation(e), origin(e)));
    }

    /** Rows 11 and 13: the inventory learns the WPAR's new home. */
    @Bean
    JavaDelegate recordRelocatedDelegate(StaticRelocationService service) {
        return step(e -> service.recordRelocated(relocation(e), wasActive(e)));
    }

    /** Row 14: remove the WPAR from the departing system. */
    @Bean
    JavaDelegate removeDepartingWparDelegate(StaticRelocationService service) {
        return step(e -> service.removeFromDeparture(relocation(e), departureToken(e), origin(e)));
    }

    /** Row 15: unlock on the arriving system. */
    @Bean
    JavaDelegate unlockArrivingWparDelegate(StaticRelocationService service) {
        return step(e -> service.unlockArrival(relocation(e), arrivalToken(e), origin(e)));
    }

    /** Row 16: unlock on the departing system. */
    @Bean
    JavaDelegate unlockDepartingWparDelegate(StaticRelocationService service) {
        return step(e -> service.unlockDeparture(relocation(e), departureToken(e), origin(e)));
    }

    /** Row 17: remove the image (and the spec beside it). */
    @Bean
    JavaDelegate removeImageDelegate(StaticRelocationService service) {
        return step(e -> service.removeImage(relocation(e), origin(e)));
    }

    /** Rollback: remove the copy on the arriving system. */
    @Bean
    JavaDelegate removePartialCopyDelegate(StaticRelocationService service) {
        return step(e -> service.removePartialCopy(relocation(e), arrivalToken(e), origin(e)));
    }

    /** Rollback: the departing WPAR back in the state it had. */
    @Bean
    JavaDelegate restoreDepartingWparDelegate(StaticRelocationService service) {
        return step(e -> DEPARTURE_STATE.set(e, service.restoreOnDeparture(relocation(e), departureToken(e),
                wasActive(e), applicationWpar(e), origin(e)).code()));
    }

    /** Every lock of this relocation, on both sides (refusal and rollback paths). */
    @Bean
    JavaDelegate releaseRelocationLocksDelegate(StaticRelocationService service) {
        return step(e -> service.releaseLocks(relocation(e), departureToken(e), arrivalToken(e), origin(e)));
    }

    /** The save run timed out: cancel it on its host. */
    @Bean
    JavaDelegate cancelSaveRunDelegate(StaticRelocationService service) {
        return step(e -> service.cancelRun(SAVE_RUN_ID.get(e), origin(e)));
    }

    /** The restore run timed out: cancel it on its host. */
    @Bean
    JavaDelegate cancelRestoreRunDelegate(StaticRelocationService service) {
        return step(e -> service.cancelRun(RESTORE_RUN_ID.get(e), origin(e)));
    }
}

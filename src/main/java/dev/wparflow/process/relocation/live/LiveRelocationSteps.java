package dev.wparflow.process.relocation.live;

import static dev.wparflow.process.Operation.origin;
import static dev.wparflow.process.relocation.RelocationStepDelegate.changingHost;
import static dev.wparflow.process.relocation.RelocationStepDelegate.step;
import static dev.wparflow.process.relocation.live.LiveRelocationVariables.*;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.ARRIVAL_TOKEN;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.DEPARTURE_TOKEN;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.arrivalToken;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.departureToken;
import static dev.wparflow.process.relocation.staticmove.StaticRelocationVariables.relocation;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.process.relocation.Relocation;

/**
 * The steps of WparLiveRelocationProcess in the model's order, as the beans its {@code delegateExpression}s name
 * (Redbook 4.6 "Live relocation", RB:4751-4837). Every step that changes a host needs the relocation's approved change.
 */
@Configuration(proxyBeanMethods = false)
class LiveRelocationSteps {

    /** Active and checkpointable on departure, absent on arrival, both leases. */
    @Bean
    JavaDelegate verifyLiveDepartureDelegate(LiveRelocationService service) {
        return changingHost(e -> {
            LiveRelocationService.LiveDeparture departure = service.verifyAndLock(relocation(e), origin(e));
            SYSTEM_WPAR.set(e, departure.systemWpar());
            DEPARTURE_TOKEN.set(e, departure.departureToken());
            ARRIVAL_TOKEN.set(e, departure.arrivalToken());
        });
    }

    /** System WPAR: spec file from the departing system, mkwpar -p -f on the arriving one (RB:4751-4757). */
    @Bean
    JavaDelegate prestageArrivingWparDelegate(LiveRelocationService service) {
        return changingHost(e -> service.prepareArrival(relocation(e), departureToken(e), arrivalToken(e), origin(e)));
    }

    /** movewpar -s on the departing system; its connection key (RB:4790). */
    @Bean
    JavaDelegate startMoveDepartureDelegate(LiveRelocationService service) {
        return changingHost(e -> CONNECTION_KEY.set(e,
                service.startDeparture(relocation(e), departureToken(e), origin(e))));
    }

    /** setclock DEPARTING_IP on the arriving system (RB:4814). */
    @Bean
    JavaDelegate setArrivalClockDelegate(LiveRelocationService service) {
        return changingHost(e -> {
            Relocation r = relocation(e);
            String ip = service.departingAddress(r, origin(e));
            service.setClock(r, ip, origin(e));
            DEPARTING_IP.set(e, ip);
        });
    }

    /** movewpar -k KEY NAME IP on the arriving system, detached (RB:4816). */
    @Bean
    JavaDelegate startMoveArrivalDelegate(LiveRelocationService service) {
        return changingHost(e -> MOVE_RUN_ID.set(e, service.startArrival(relocation(e), CONNECTION_KEY.get(e),
                DEPARTING_IP.get(e), SYSTEM_WPAR.isSet(e), arrivalToken(e), origin(e))));
    }

    /** movewpar -k exited 0; Active on arrival, Defined on departure (Figure 4-2). */
    @Bean
    JavaDelegate checkMoveDelegate(LiveRelocationService service) {
        return step(e -> service.checkMove(relocation(e), MOVE_RUN_ID.get(e), origin(e)));
    }

    /** The departing copy removed (file systems preserved), the spec file, the inventory. */
    @Bean
    JavaDelegate cleanUpDepartureDelegate(LiveRelocationService service) {
        return step(e -> service.cleanUpDeparture(relocation(e), origin(e)));
    }

    /** Both leases released (the umbrella, when it owns them, releases them again at its end). */
    @Bean
    JavaDelegate unlockLiveRelocationDelegate(LiveRelocationService service) {
        return step(e -> service.releaseLocks(relocation(e)));
    }

    /** Abort path: movewpar -x on both sides, the pre-staged copy removed, Active where it was (RB:4837). */
    @Bean
    JavaDelegate abortMoveDelegate(LiveRelocationService service) {
        return step(e -> DEPARTURE_STATE.set(e, service.abort(relocation(e), MOVE_RUN_ID.get(e), departureToken(e),
                arrivalToken(e), origin(e)).word()));
    }
}

package dev.wparflow.process.checkpoint.schedule;

import static dev.wparflow.process.checkpoint.schedule.CheckpointScheduleVariables.*;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.process.InputRules;

/**
 * WparCheckpointScheduleProcess is the application's own: only {@link CheckpointSchedules} starts it (for PUT
 * /api/checkpoints/schedules and {@code wparflow.checkpoint.schedules}), never a start from outside. What a schedule
 * is made of (the LPAR, the WPAR, the interval, how many to keep) is checked against {@link #schedule} first: bad
 * values are refused before any instance exists.
 */
@Configuration(proxyBeanMethods = false)
class CheckpointScheduleInputs {

    static final long MAX_KEEP = 100;

    @Bean
    InputContract wparCheckpointScheduleContract() {
        return InputContract.subProcess(PROCESS_ID);
    }

    /** The values of a schedule, as an operation's inputs would be checked. */
    static InputContract schedule(InputRules rules) {
        return InputContract.operation(PROCESS_ID,
                rules.knownLpar(LPAR.name()).mandatory(),
                InputRules.wpar(WPAR.name()).mandatory(),
                InputRules.duration(INTERVAL.name()).mandatory(),
                InputField.number(KEEP.name(), 1, MAX_KEEP).mandatory());
    }
}

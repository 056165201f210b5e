package dev.wparflow.process.refusal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.engine.InputContract;

/** The outcome notice is started by the application only (RefusalNoticePlugin), never by a user. */
@Configuration(proxyBeanMethods = false)
class RefusalNoticeInputs {

    @Bean
    InputContract refusalNoticeContract() {
        return InputContract.subProcess(RefusalNoticeVariables.PROCESS_ID);
    }
}

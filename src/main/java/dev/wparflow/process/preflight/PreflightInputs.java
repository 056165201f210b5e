package dev.wparflow.process.preflight;

import static dev.wparflow.process.ProcessVariable.names;
import static dev.wparflow.process.preflight.PreflightVariables.*;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.process.InputRules;

/**
 * The preflight request (start form, REST, POST /api/preflight): an optional selection of hosts, each one the
 * inventory knows; without one, every host of the inventory (LPARs, NIM masters, HMCs) is checked.
 */
@Configuration(proxyBeanMethods = false)
class PreflightInputs {

    @Bean
    InputContract preflightContract(InputRules rules) {
        return InputContract.operation(PROCESS_ID,
                InputField.text(HOSTS.name()).maxLength(4000).defaultValue("every host of the inventory")
                        .rule("host names of the inventory, separated by commas or blanks", value -> {
                            for (String host : PreflightSelection.parse(value)) {
                                String broken = rules.knownHost(host);
                                if (broken != null) {
                                    return broken;
                                }
                            }
                            return null;
                        }))
                .internal(names(INITIATOR, HOST, HOST_PASSED, HOSTS_TOTAL, HOSTS_FAILED));
    }
}

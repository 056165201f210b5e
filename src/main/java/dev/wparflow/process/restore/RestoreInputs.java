package dev.wparflow.process.restore;

import static dev.wparflow.process.ProcessVariable.names;
import static dev.wparflow.process.restore.RestoreVariables.*;

import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.wparflow.aix.Validators;
import dev.wparflow.engine.InputContract;
import dev.wparflow.engine.InputField;
import dev.wparflow.process.InputRules;
import dev.wparflow.process.restore.drill.RestoreDrillVariables;

/** Restore, clone (also the drill's child) and the restore drill (message RestoreDrillRequested). */
@Configuration(proxyBeanMethods = false)
class RestoreInputs {

    private static final Pattern IMAGE_ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DISKS_PATTERN = Pattern.compile("[A-Za-z0-9_]+(,[A-Za-z0-9_]+)*");

    private static final String[] SET_BY_THE_PROCESS = names(REQUESTER, INITIATOR, IMAGE_PATH, EXPECTED_HOSTNAME,
            EXPECTED_ADDRESS, EXPECTED_DIRECTORY, EDIT_IMAGE_DATA, IMAGE_DATA_FILE, RESTORE_RUN_ID, SUMMARY, PLAN,
            DECISION, EXISTING_STATE, SET_ASIDE, ROLLBACK, OUTCOME, RESTORED_STATE, FAILURE_CODE, FAILURE_REASON);

    @Bean
    InputContract restoreContract(InputRules rules) {
        return InputContract.operation(RESTORE_PROCESS_ID,
                rules.host(HOST.name()).mandatory(),
                InputRules.wpar(WPAR.name()).mandatory(),
                imageId().defaultValue("the newest GOOD image of sourceLpar/wpar"),
                InputRules.lpar(SOURCE_LPAR.name()).defaultValue("host"),
                InputRules.oneOfIgnoringCase(EXISTING.name(), "refuse", "remove", "rename").defaultValue("refuse"),
                InputRules.wpar(RENAME_TO.name()).defaultValue("none (required with existing=rename)"),
                InputField.flag(START.name()))
                .internal(SET_BY_THE_PROCESS);
    }

    @Bean
    InputContract cloneContract(InputRules rules) {
        return InputContract.operation(CLONE_PROCESS_ID,
                rules.host(HOST.name()).mandatory(),
                InputRules.wpar(WPAR.name()).mandatory(),
                imageId().mandatory(),
                InputField.text(HOSTNAME.name()).maxLength(255).defaultValue("the new WPAR name")
                        .rule("an RFC 1123 host name", v -> valid(() -> Validators.hostName(HOSTNAME.name(), v))),
                InputField.text(ADDRESS.name()).maxLength(45).defaultValue("the image's address")
                        .rule("an IPv4 or IPv6 address", v -> valid(() -> Validators.ipAddress(ADDRESS.name(), v))),
                InputField.text(BASE_DIRECTORY.name()).maxLength(1024).defaultValue("/wpars/NAME")
                        .rule("an absolute path", v -> valid(() -> Validators.absolutePath(BASE_DIRECTORY.name(), v))),
                InputField.text(VOLUME_GROUP.name()).maxLength(15).defaultValue("the image's volume group")
                        .rule("an AIX volume group name",
                                v -> valid(() -> Validators.volumeGroupName(VOLUME_GROUP.name(), v))),
                InputField.text(DISKS.name()).maxLength(1024).defaultValue("none")
                        .rule("comma-separated disk names (hdisk2,hdisk3)",
                                v -> DISKS_PATTERN.matcher(v).matches() ? null : "must be comma-separated disk names"),
                InputField.flag(ALLOW_NON_GOLDEN.name()))
                .calledBy(RestoreDrillVariables.PROCESS_ID)
                .internal(SET_BY_THE_PROCESS);
    }

    @Bean
    InputContract restoreDrillContract(InputRules rules) {
        return InputContract.operation(RestoreDrillVariables.PROCESS_ID,
                InputField.number(RestoreDrillVariables.SAMPLE.name(), 1, 100)
                        .defaultValue("wparflow.backup.drill.sample (3)"),
                rules.host(RestoreDrillVariables.DRILL_LPAR.name()).defaultValue("wparflow.backup.drill.lpar"))
                .internal(names(RestoreDrillVariables.SCRATCH_NAME, RestoreDrillVariables.SCRATCH_ADDRESS,
                        RestoreDrillVariables.DRILL_VOLUME_GROUP, RestoreDrillVariables.DRILL_IMAGES,
                        RestoreDrillVariables.DRILL_GLOBAL_IMAGES,
                        RestoreDrillVariables.DRILL_PASSED, RestoreDrillVariables.DRILL_FAILED,
                        RestoreDrillVariables.DRILL_SUMMARY));
    }

    private static InputField imageId() {
        return InputField.text(IMAGE_ID.name()).maxLength(64).rule("a catalog image id (GET /api/images)",
                v -> IMAGE_ID_PATTERN.matcher(v).matches() ? null : "must be a catalog image id");
    }

    private static String valid(Runnable check) {
        check.run();
        return null;
    }
}

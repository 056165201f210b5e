package dev.wparflow.process.restore;

/** {@link AbstractRestoreCloneIT} on H2 (in memory, one database per class). */
class RestoreCloneH2IT extends AbstractRestoreCloneIT {

    private final String url = "jdbc:h2:mem:restore-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY";

    @Override
    String databaseUrl() {
        return url;
    }

    @Override
    String databaseUser() {
        return "sa";
    }

    @Override
    String databasePassword() {
        return "";
    }
}

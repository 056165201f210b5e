package dev.wparflow.process.relocation;

/** {@link AbstractRelocationIT} on H2 (in memory, one database per class). */
class RelocationH2IT extends AbstractRelocationIT {

    @Override
    String databaseUrl() {
        return "jdbc:h2:mem:reloc2-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY";
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

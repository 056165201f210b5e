package dev.wparflow.process.relocation;

/** {@link AbstractStaticRelocationIT} on H2 (in memory, one database per class). */
class StaticRelocationH2IT extends AbstractStaticRelocationIT {

    @Override
    String databaseUrl() {
        return "jdbc:h2:mem:reloc-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY";
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

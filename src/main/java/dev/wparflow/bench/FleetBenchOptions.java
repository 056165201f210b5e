package dev.wparflow.bench;

/**
 * The options {@code bench backup} and {@code bench engine-floor} share: the fleet's size, savewpar's length, the
 * lanes per host, the job executor's threads and the database (PostgreSQL also from {@code WPARFLOW_BENCH_DB_URL},
 * {@code _USER}, {@code _PASSWORD}; H2 in memory without).
 */
final class FleetBenchOptions {

    static final String USAGE = "[--hosts N] [--wpars-per-host M] [--savewpar-seconds S] [--per-host C] [--threads T]"
            + " [--db-url URL [--db-user U] [--db-password P]]";

    int hosts = 50;
    int wpars = 20;
    double saveSeconds = 1.0;
    int perHost = 2;
    int threads = 16;
    String dbUrl = System.getenv("WPARFLOW_BENCH_DB_URL");
    String dbUser = System.getenv().getOrDefault("WPARFLOW_BENCH_DB_USER", "postgres");
    String dbPassword = System.getenv().getOrDefault("WPARFLOW_BENCH_DB_PASSWORD", "");

    /** Takes {@code args[i]} and its value if it is one of these options: the index of the last word used, else -1. */
    int read(String[] args, int i) {
        switch (args[i]) {
            case "--hosts" -> hosts = Integer.parseInt(args[++i]);
            case "--wpars-per-host", "--wpars" -> wpars = Integer.parseInt(args[++i]);
            case "--savewpar-seconds" -> saveSeconds = Double.parseDouble(args[++i]);
            case "--per-host" -> perHost = Integer.parseInt(args[++i]);
            case "--threads" -> threads = Integer.parseInt(args[++i]);
            case "--db-url" -> dbUrl = args[++i];
            case "--db-user" -> dbUser = args[++i];
            case "--db-password" -> dbPassword = args[++i];
            default -> {
                return -1;
            }
        }
        return i;
    }

    /** Every lane of every host always busy with savewpar: {@code ceil(M/C) x S}. */
    double ideal() {
        return Math.ceil((double) wpars / perHost) * saveSeconds;
    }

    boolean postgres() {
        return dbUrl != null && dbUrl.startsWith("jdbc:postgresql:");
    }
}

-- The discovered part of the inventory (FleetDiscoveryProcess; docs/inventory.md). The static part (which hosts,
-- how to reach them) is the inventory file. Rows are replaced by each discovery; a host that cannot be reached
-- keeps its previous rows and gets last_error / last_error_at.

-- Managed systems as their HMC reports them (lssyscfg -r sys).
CREATE TABLE wparflow_managed_system (
    name            VARCHAR(63) NOT NULL PRIMARY KEY,
    state           VARCHAR(64),
    type_model      VARCHAR(32),
    serial          VARCHAR(32),
    via_hmc         VARCHAR(255),
    discovered_at   TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(2000),
    last_error_at   TIMESTAMP WITH TIME ZONE
);

-- LPARs (global environments): HMC facts (lssyscfg -r lpar) and host facts (oslevel, prtconf, lssrc...).
CREATE TABLE wparflow_lpar (
    name              VARCHAR(63) NOT NULL PRIMARY KEY,
    managed_system    VARCHAR(63),
    lpar_id           INTEGER,
    state             VARCHAR(64),
    lpar_env          VARCHAR(32),
    os_version        VARCHAR(128),
    hmc_seen_at       TIMESTAMP WITH TIME ZONE,
    oslevel           VARCHAR(32),
    processor_type    VARCHAR(64),
    processors        INTEGER,
    memory_mb         BIGINT,
    ntp_active        BOOLEAN,
    interfaces        VARCHAR(1000),
    wpar_count        INTEGER,
    discovered_at     TIMESTAMP WITH TIME ZONE,
    last_error        VARCHAR(2000),
    last_error_at     TIMESTAMP WITH TIME ZONE
);

-- Filesets of interest per LPAR (bos.rte, bos.wpars, bos.rte.libc, mcr.rte); a missing one has no row.
CREATE TABLE wparflow_lpar_fileset (
    lpar            VARCHAR(63) NOT NULL,
    fileset         VARCHAR(128) NOT NULL,
    fileset_level   VARCHAR(32) NOT NULL,
    PRIMARY KEY (lpar, fileset)
);

CREATE TABLE wparflow_volume_group (
    lpar            VARCHAR(63) NOT NULL,
    name            VARCHAR(15) NOT NULL,
    pp_size_mb      BIGINT NOT NULL,
    total_pps       BIGINT NOT NULL,
    free_pps        BIGINT NOT NULL,
    PRIMARY KEY (lpar, name)
);

-- WPARs per LPAR. A refresh replaces an LPAR's rows in one transaction; target_host (set by a relocation)
-- survives a refresh for a WPAR that is still there. last_known_host: where it was last seen.
CREATE TABLE wparflow_wpar (
    lpar             VARCHAR(63) NOT NULL,
    name             VARCHAR(25) NOT NULL,
    wpar_type        VARCHAR(16) NOT NULL,
    state            VARCHAR(16) NOT NULL,
    hostname         VARCHAR(255),
    address          VARCHAR(64),
    interface_name   VARCHAR(32),
    directory        VARCHAR(1024),
    checkpointable   BOOLEAN,
    local_fs         BOOLEAN NOT NULL,
    nfs_fs           BOOLEAN NOT NULL,
    discovered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_known_host  VARCHAR(63),
    target_host      VARCHAR(63),
    PRIMARY KEY (lpar, name)
);
CREATE INDEX wparflow_wpar_name ON wparflow_wpar (name);

-- One discovery run (a FleetDiscoveryProcess instance) and what each host/system gave.
CREATE TABLE wparflow_discovery_run (
    id                   VARCHAR(64) NOT NULL PRIMARY KEY,
    started_by           VARCHAR(255),
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at          TIMESTAMP WITH TIME ZONE,
    systems_total        INTEGER,
    systems_failed       INTEGER,
    hosts_total          INTEGER,
    hosts_ok             INTEGER,
    hosts_failed         INTEGER,
    wpar_count           INTEGER
);
CREATE INDEX wparflow_discovery_run_started ON wparflow_discovery_run (started_at);

CREATE TABLE wparflow_discovery_result (
    run_id        VARCHAR(64) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    name          VARCHAR(255) NOT NULL,
    ok            BOOLEAN,
    reason        VARCHAR(2000),
    wpar_count    INTEGER,
    finished_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (run_id, kind, name)
);

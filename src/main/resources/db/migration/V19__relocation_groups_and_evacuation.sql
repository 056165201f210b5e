-- Relocation groups (Redbook 5.7, WPAR Manager's WPAR groups and relocation policies; docs/evacuation.md): a named
-- group of WPARs with a ranked list of candidate LPARs or managed systems, pairs of WPARs that never share an LPAR or
-- a managed system (anti-affinity) and capacity rules for a target LPAR. A WPAR belongs to at most one group.
CREATE TABLE wparflow_relocation_group (
    name                  VARCHAR(40) NOT NULL PRIMARY KEY,
    description           VARCHAR(1000) NOT NULL,
    -- most WPARs on one target LPAR after the move (null: no limit)
    max_wpars_per_lpar    INTEGER,
    -- percent of the target LPAR's CPU left free by the sum of its WPARs' CPU minimums (null: no rule)
    cpu_headroom_percent  INTEGER,
    updated_by            VARCHAR(128) NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT NOT NULL
);

CREATE TABLE wparflow_relocation_group_member (
    group_name  VARCHAR(40) NOT NULL,
    wpar        VARCHAR(25) NOT NULL PRIMARY KEY
);
CREATE INDEX wparflow_relocation_group_member_group ON wparflow_relocation_group_member (group_name);

-- kind LPAR or MANAGED_SYSTEM; candidate_rank HIGH, MEDIUM or LOW; position keeps the order within a rank
CREATE TABLE wparflow_relocation_group_candidate (
    group_name      VARCHAR(40) NOT NULL,
    position        INTEGER NOT NULL,
    kind            VARCHAR(16) NOT NULL,
    target          VARCHAR(63) NOT NULL,
    candidate_rank  VARCHAR(8) NOT NULL,
    PRIMARY KEY (group_name, position)
);

CREATE TABLE wparflow_relocation_group_pair (
    group_name  VARCHAR(40) NOT NULL,
    first_wpar  VARCHAR(25) NOT NULL,
    second_wpar VARCHAR(25) NOT NULL,
    PRIMARY KEY (group_name, first_wpar, second_wpar)
);

-- One evacuation plan (an EvacuationProcess instance) and one row per WPAR of its scope: where it goes, how, or why
-- it cannot go anywhere; then what happened to it.
CREATE TABLE wparflow_evacuation (
    id            VARCHAR(64) NOT NULL PRIMARY KEY,
    scope_kind    VARCHAR(16) NOT NULL,
    scope_name    VARCHAR(63) NOT NULL,
    requested_by  VARCHAR(128),
    planned_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    plan_millis   BIGINT,
    finished_at   TIMESTAMP WITH TIME ZONE,
    outcome       VARCHAR(32),
    summary       VARCHAR(4000),
    -- the evacuation a return home brings back (null for an evacuation)
    returns_from  VARCHAR(64)
);

CREATE TABLE wparflow_evacuation_item (
    evacuation_id  VARCHAR(64) NOT NULL,
    wpar           VARCHAR(25) NOT NULL,
    departing      VARCHAR(63) NOT NULL,
    arriving       VARCHAR(63),
    mode           VARCHAR(8),
    relocation_group VARCHAR(40),
    candidate_rank VARCHAR(8),
    reason         VARCHAR(2000),
    state          VARCHAR(16) NOT NULL,
    attempts       INTEGER NOT NULL,
    finished_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (evacuation_id, wpar)
);

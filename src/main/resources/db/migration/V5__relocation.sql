-- One row per relocation (WparRelocationProcess, or WparStaticRelocationProcess started on its own): the request,
-- the compatibility report and plan shown to approvers, and the outcome. Process variables keep only ids.
CREATE TABLE wparflow_relocation (
    relocation_id        VARCHAR(64) NOT NULL PRIMARY KEY,
    process_instance_id  VARCHAR(64),
    wpar                 VARCHAR(64) NOT NULL,
    departing_lpar       VARCHAR(255) NOT NULL,
    arriving_lpar        VARCHAR(255),
    requested_mode       VARCHAR(16),
    chosen_mode          VARCHAR(16),
    validate_only        BOOLEAN,
    check_report         VARCHAR(65536),
    plan                 VARCHAR(8000),
    outcome              VARCHAR(32),
    reason               VARCHAR(4000),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX wparflow_relocation_wpar ON wparflow_relocation (wpar, departing_lpar);

-- The WPAR template catalog: spec files (Redbook 7.2) that WparProvisioningProcess creates new WPARs from with
-- mkwpar -f. The text is validated before it is stored; required_filesets are the installp filesets the target LPAR
-- must have (comma-separated, e.g. mcr.rte for a checkpointable template). version starts at 1 and is raised by every
-- change, so a provisioning records which version of a template it used.
CREATE TABLE wparflow_template (
    name               VARCHAR(40) NOT NULL PRIMARY KEY,
    description        VARCHAR(1000) NOT NULL,
    spec_text          VARCHAR(262144) NOT NULL,
    required_filesets  VARCHAR(4000) NOT NULL,
    updated_by         VARCHAR(128) NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT NOT NULL
);

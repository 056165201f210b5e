-- Backups of the global environment beside the WPAR images: kind 'savewpar' (every row so far), 'mksysb' (rootvg with
-- the WPARs' file systems, mksysb -N) or 'savevg' (another volume group holding WPAR file systems). A global image
-- names no WPAR: its wpar is '-', so the column stays NOT NULL and the per-WPAR queries never see it.
ALTER TABLE wparflow_image ADD COLUMN kind VARCHAR(16) DEFAULT 'savewpar' NOT NULL;
ALTER TABLE wparflow_image ADD COLUMN volume_group VARCHAR(64);
CREATE INDEX wparflow_image_kind ON wparflow_image (lpar, kind, created_at);

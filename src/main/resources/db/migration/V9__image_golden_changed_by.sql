-- Who last marked an image golden or took the mark off, and when (PUT/DELETE /api/images/{id}/golden): a golden
-- image is what new WPARs are cloned from, so the catalog keeps who chose it, not only the log.
ALTER TABLE wparflow_image ADD COLUMN golden_changed_by VARCHAR(128);
ALTER TABLE wparflow_image ADD COLUMN golden_changed_at TIMESTAMP WITH TIME ZONE;

-- A model now waits for a detached run at a timer set to its timeout; the execution that waits is noted here when it
-- reaches the wait, and the run watcher makes that timer due when the run ends (RemoteRunService.wake).
ALTER TABLE wparflow_remote_run ADD COLUMN waiting_execution_id VARCHAR(64);

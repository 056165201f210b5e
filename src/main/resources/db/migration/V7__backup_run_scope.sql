-- A fleet run's scope names its hosts ("host:lpar000,lpar001,..."): 255 characters held some 30 of them, and a longer
-- scope failed the run's first step with a database error. 4000 is what a Camunda string variable can hold.
ALTER TABLE wparflow_backup_run ALTER COLUMN scope SET DATA TYPE VARCHAR(4000);

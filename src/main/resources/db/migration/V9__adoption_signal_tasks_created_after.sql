-- The evaluation records the signals it raises and their tasks are created after it, one transaction each
-- (PendingSignalTasks): a signal without a task yet keeps what the task will say. A signal whose task_id is null
-- counts as open.
alter table adoption_signal add column task_title varchar(500);
alter table adoption_signal add column task_reason varchar(2000);

create index adoption_signal_by_task on adoption_signal (task_id);

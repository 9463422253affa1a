-- The days whose rollups (usage_active_day, usage_feature) may be behind the daily counts. The compaction marks the
-- day of every login or feature delta it folds, one row per day (not per customer and day, so folding costs what it
-- did before the rollups), and the adoption evaluation recomputes those days from usage_daily before it reads them
-- (UsageRollups, decision 18). Nodes of the previous release, which add to the rollups as they fold, may run while
-- this one starts: what they add is what a recomputation finds, both under the compaction's lock.
create table usage_rollup_stale_day (
    usage_day  date  primary key
);

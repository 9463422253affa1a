-- What the daily adoption evaluation reads, kept by the compaction as it folds the deltas into usage_daily (same
-- transaction, same lock): one row per customer and day of product use (logins and features, not tickets or
-- calls), and one per customer and feature ever used. The evaluation reads these instead of grouping millions of
-- daily rows (docs/benchmarks.md); a single customer's figures are still read from usage_daily and the deltas.
-- Under the compaction's lock, so no node folds deltas between the build below and the commit. Nodes of the
-- previous release must be stopped for this upgrade: they fold deltas without keeping the rollups.
select id from usage_compaction where id = 1 for update;

create table usage_active_day (
    customer_id  bigint  not null,
    usage_day    date    not null,
    logins       bigint  not null,
    events       bigint  not null,
    primary key (customer_id, usage_day)
);

create table usage_feature (
    customer_id  bigint        not null,
    feature      varchar(100)  not null,
    first_day    date          not null,
    primary key (customer_id, feature)
);

insert into usage_active_day (customer_id, usage_day, logins, events)
select customer_id, usage_day, sum(case when event_type = 'login' then event_count else 0 end), sum(event_count)
from usage_daily
where event_type in ('login', 'feature_used')
group by customer_id, usage_day;

insert into usage_feature (customer_id, feature, first_day)
select customer_id, event_name, min(usage_day)
from usage_daily
where event_type = 'feature_used'
group by customer_id, event_name;

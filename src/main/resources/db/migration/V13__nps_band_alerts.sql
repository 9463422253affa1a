-- The daily NPS band check (issue 11): one row per lifecycle stage that fell below its band, open until the stage
-- is back in band. A stage with an open row raises nothing more; once cleared, falling below again raises anew.
create table nps_band_alert (
    stage                varchar(20)   primary key,
    raised_at            timestamp with time zone not null,
    process_instance_id  varchar(64),
    cleared_at           timestamp with time zone
);

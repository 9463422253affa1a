-- Each active subscription's current renewal cycle: the renewal journey running towards its renewal date. One row
-- per subscription, claimed before the journey starts, so two nodes never start a subscription's cycle twice.
create table renewal_cycle (
    subscription_id      bigint       not null primary key references subscription (id),
    cycle                integer      not null,
    process_instance_id  varchar(64),
    started_at           timestamp with time zone not null
);

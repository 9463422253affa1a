-- Support as the ticket and live-contact events report it, one row per ticket and per live-contact event, with the
-- customer's lifecycle stage when it happened: what the support figures count.
create table support_ticket (
    ticket_id          varchar(100)  primary key,
    customer_id        bigint        not null references customer (id),
    channel            varchar(20)   not null,
    stage              varchar(20)   not null,
    opened_at          timestamp with time zone,
    first_response_at  timestamp with time zone,
    resolved_at        timestamp with time zone,
    agent_contacts     int,
    reopened_at        timestamp with time zone,
    escalated_at       timestamp with time zone
);

create index support_ticket_opened on support_ticket (opened_at);

create table live_contact (
    contact_id    varchar(100)  not null,
    outcome       varchar(20)   not null,
    customer_id   bigint        not null references customer (id),
    channel       varchar(20)   not null,
    stage         varchar(20)   not null,
    wait_seconds  int,
    occurred_at   timestamp with time zone not null,
    primary key (contact_id, outcome)
);

create index live_contact_occurred on live_contact (occurred_at);

-- Surveys (issue 11): one row per invitation sent, with the customer's lifecycle stage at the time, and at most one
-- response per invitation (a second click or a changed score updates it). An invitation's id is what its signed
-- links name; it is derived from the dispatching process instance, so a retried dispatch reuses it.
create table survey_invitation (
    id                   varchar(36)   primary key,
    customer_id          bigint        not null references customer (id),
    kind                 varchar(30)   not null,
    stage                varchar(20)   not null,
    process_instance_id  varchar(64),
    invited_at           timestamp with time zone not null,
    expires_at           timestamp with time zone not null,
    reminded_at          timestamp with time zone
);

create index survey_invitation_by_customer on survey_invitation (customer_id, invited_at);
create index survey_invitation_by_time on survey_invitation (invited_at);

create table survey_response (
    invitation_id  varchar(36)   primary key references survey_invitation (id),
    score          int           not null,
    comment        varchar(2000),
    answered_at    timestamp with time zone not null,
    updated_at     timestamp with time zone not null
);

create index survey_response_by_time on survey_response (answered_at);

-- A survey is not sent while the customer has a support ticket open: looked up per customer.
create index support_ticket_by_customer on support_ticket (customer_id);

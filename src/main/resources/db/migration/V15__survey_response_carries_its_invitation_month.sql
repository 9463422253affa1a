-- The NPS figures group answers by their invitation's month, kind and stage. Joining 100,000 answers to their
-- invitations row by row took H2 over a second; each answer now carries those three values (fixed when the
-- invitation is made, never changed), so invitations and answers are each counted from one index of their own.
alter table survey_response add column invited_at timestamp with time zone;
alter table survey_response add column kind varchar(30);
alter table survey_response add column stage varchar(20);
update survey_response set
    invited_at = (select i.invited_at from survey_invitation i where i.id = survey_response.invitation_id),
    kind = (select i.kind from survey_invitation i where i.id = survey_response.invitation_id),
    stage = (select i.stage from survey_invitation i where i.id = survey_response.invitation_id);
alter table survey_response alter column invited_at set not null;
alter table survey_response alter column kind set not null;
alter table survey_response alter column stage set not null;
create index survey_response_for_figures on survey_response (invited_at, kind, stage, score);
drop index survey_response_scores;

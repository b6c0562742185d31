-- Answering (issue 14): the officer asks the reporter a question, the case waits for the answer
-- (status 'awaiting_reporter') with its step's deadline paused, and the reporter replies.

alter table complaints drop constraint complaints_status_check;
alter table complaints add constraint complaints_status_check check (status in (
    'received', 'dispatched', 'verified', 'in_progress', 'awaiting_validation',
    'resolved', 'closed', 'rejected', 'postponed', 'duplicate', 'forwarded', 'awaiting_reporter'));

-- While waiting: the status the case returns to, the working seconds its deadline had left (null:
-- no deadline), and whether the reporter's time to answer ran out (the officer was told, once).
-- reporter_answered marks the queue until staff act on the case again.
alter table complaints
    add column reporter_wait_status text,
    add column reporter_wait_remaining bigint check (reporter_wait_remaining >= 0),
    add column reporter_wait_lapsed boolean not null default false,
    add column reporter_answered boolean not null default false,
    add constraint complaints_reporter_wait check (
        (reporter_wait_status is not null) = (status = 'awaiting_reporter')
        and (reporter_wait_remaining is null or reporter_wait_status is not null)
        and (not reporter_wait_lapsed or reporter_wait_status is not null));

-- The reporter's photos with a reply: theirs like the report's, never shown publicly.
alter table complaint_photos drop constraint complaint_photos_purpose_check;
alter table complaint_photos add constraint complaint_photos_purpose_check check (purpose in ('report', 'resolution', 'reply'));
create or replace view public_photos as
select c.tracking_code, c.id as request_id, p.id, p.position, p.purpose, p.media_type, p.bytes
  from complaint_photos p
  join complaints c on c.id = p.complaint_id
 where not c.confidential and p.purpose <> 'reply';

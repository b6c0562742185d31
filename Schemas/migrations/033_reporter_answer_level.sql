-- The reporter's time to answer the officer's question (issue 14) becomes a service level like the
-- others: an admin changes it through /api/v1/staff/admin/deadlines and the next question uses it;
-- a question already waiting keeps its moment.

alter table service_levels drop constraint service_levels_kind_check;
alter table service_levels add constraint service_levels_kind_check
    check (kind in ('verify', 'follow_up', 'close_after_resolution', 'supervisor', 'misconduct', 'reporter_answer'));

insert into service_levels (kind, working_days) values ('reporter_answer', 10)
on conflict do nothing;

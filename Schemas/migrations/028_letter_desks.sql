-- The letter desks' pages (issue 15): each step of a letter has its own deadline (the type's working
-- days from the moment the step began), and a district admin may cancel a leave they recorded.

alter table letters add column step_due_at timestamptz;
update letters set step_due_at = case when step in ('ready', 'rejected') then step_since else due_at end;
alter table letters alter column step_due_at set not null;

-- A cancelled leave stays on record (who cancelled it, and when) but no longer moves anyone's steps.
alter table staff_leave add column cancelled_at timestamptz;
alter table staff_leave add column cancelled_by bigint references staff_accounts;
alter table staff_leave add constraint staff_leave_cancelled_check check ((cancelled_at is null) = (cancelled_by is null));

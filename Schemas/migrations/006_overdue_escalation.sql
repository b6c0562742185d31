-- Overdue cases escalate by themselves: first to the module's supervisor, then to the inspectors.
-- The step reached is kept apart from inspectors' own escalations, so each step happens once.
alter table complaints
    add column overdue_step smallint not null default 0 check (overdue_step between 0 and 2);

create index complaints_overdue on complaints (module_code, due_at)
    where overdue_step < 2 and status not in ('received', 'closed', 'rejected', 'duplicate', 'postponed');

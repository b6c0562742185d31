-- The sweep that ends unanswered waits (a resolution the citizen did not answer, a forward nobody
-- took, a question the reporter left open: OverdueSweeper, ComplaintStatus.unansweredCondition)
-- walked complaints_open_by_module over every overdue open case of the module and dropped all but
-- the waiting ones by their status: 150,000 rows and 330 ms a sweep at a million complaints. An index
-- over the waiting cases alone makes it read only what it will act on. It covers the resolved-only
-- complaints_auto_close (migration 007), which no statement needs any more.
create index complaints_unanswered on complaints (module_code, due_at)
    where status in ('resolved', 'forwarded', 'awaiting_reporter');
drop index complaints_auto_close;

-- Indexes the real work needs once the hub holds a million complaints (make bench's second pass):
-- a staff queue and a case page read a few rows each, not the table.

-- A module's work queue: its open cases, soonest deadline first (the queue's order; NULLs last, as
-- the order asks). A generic plan of the queue's statement, which names only the conditions its
-- filter sets (QueueFilter+SQL.swift), walks this index and stops after the page; the queue's
-- counts per status read the index alone (status and inspectorate are in it).
create index complaints_open_by_module on complaints (module_code, due_at) include (status, inspectorate)
    where status not in ('closed', 'rejected', 'duplicate');

-- The reports linked to a case as its duplicates (the staff case page, the public view's join):
-- few cases have any, so the index holds only the links.
create index complaints_duplicates on complaints (duplicate_of) where duplicate_of is not null;

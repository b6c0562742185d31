-- The staff queue as an officer works it (issue 16), flat as the data grows (issue 13): search by
-- words of the complaint, "mine" and "unassigned", three orders, and counts that stop at a cap
-- (QueueCounts.cap), each through an index over open cases only (the form of
-- ComplaintStatus.openCondition, so the planner can use them), so a page costs the same at 2,000
-- open cases or 200,000.

-- pg_trgm is a trusted extension: the schema owner may create it without being a superuser.
create extension if not exists pg_trgm;

-- `q`: words anywhere in the description or the location (ILIKE '%words%'), the expression of
-- QueueFilter.searchedText.
create index complaints_open_text on complaints
    using gin ((description || ' ' || coalesce(location, '')) gin_trgm_ops)
    where status not in ('closed', 'rejected', 'duplicate');

-- The counts per status: each status's open cases of a module (or of every module, for inspectors
-- and admins) as one index range, read up to the cap (from the index alone for an agency's queue,
-- which filters on the inspectorate flag too).
create index complaints_open_by_status on complaints (status, module_code, due_at) include (inspectorate)
    where status not in ('closed', 'rejected', 'duplicate');

-- `sort=age`: the oldest open cases of a module first.
create index complaints_open_by_age on complaints (module_code, created_at, id)
    where status not in ('closed', 'rejected', 'duplicate');

-- `sort=priority`: the most urgent first (the rank of QueueSQL.priorityRank), then the deadline.
create index complaints_open_by_priority on complaints
    (module_code, array_position(array['urgent', 'high', 'normal', 'low'], priority), due_at)
    where status not in ('closed', 'rejected', 'duplicate');

-- `assignee=me`: the open cases one account holds.
create index complaints_open_assigned on complaints (assigned_to, due_at)
    where status not in ('closed', 'rejected', 'duplicate') and assigned_to is not null;

-- Who holds a case, by the name colleagues know them by (QueueSQL.holderNameColumn): the modules'
-- queues and case pages read it (022 gave the full name to intake alone).
grant select (full_name) on staff_accounts to hub_cap_casework;

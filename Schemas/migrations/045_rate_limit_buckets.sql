-- The gateway's rate limits, shared by its replicas (issue 18): two gateways behind a load balancer
-- together allow a client what one would. One token bucket per limited key, kept as GCRA's
-- "theoretical arrival time": the bucket is full when `tat` has passed, each request moves it one
-- interval (60 / requests per minute) later, and a request is admitted while `tat` is at most
-- burst − 1 intervals ahead of now. Each replica decides light clients on its own view and sends
-- their requests here in batches; a client near its limit is decided here, in the request
-- (SharedBuckets, RateLimitBuckets in Sources/HubStore say how and why).
--
-- A key is its limit's scope and a SHA-256 of the client's address, never the address in clear.
-- `granted` is the outcome of the last exchange that asked for a request, read back by that same
-- statement (PostgreSQL 15's RETURNING sees only the new row). A row whose `tat` has passed is a
-- full bucket, the same as no row: the gateways delete such rows every minute.
create table rate_limit_buckets (
    key     text primary key check (length(key) <= 100),
    tat     timestamptz not null,
    granted boolean not null default false
);

-- A capability of its own: the gateway otherwise only reads (migration 014's header says how
-- capabilities work). Roles belong to the whole cluster, so another database may have made it.
do $$
begin
    create role hub_cap_rate_limits nologin nosuperuser nocreatedb nocreaterole nobypassrls;
exception when duplicate_object or unique_violation then
    alter role hub_cap_rate_limits nosuperuser nocreatedb nocreaterole nobypassrls;
end
$$;

grant select, insert, update, delete on rate_limit_buckets to hub_cap_rate_limits;
grant hub_cap_rate_limits to hub_gateway;

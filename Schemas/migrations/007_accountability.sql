-- Accountability: an audit log nobody can rewrite, the role services run as, login throttling and
-- the citizen's rating of a resolution.

-- The role every service switches to after connecting (SET ROLE). It may read and write the working
-- tables but only append to the audit log. Roles belong to the whole cluster, so another database
-- of the same cluster may have created it already.
do $$
begin
    create role hub_service nologin;
exception when duplicate_object or unique_violation then
    null;
end
$$;

grant usage on schema public to hub_service;
grant select, insert, update, delete on all tables in schema public to hub_service;
grant usage, select on all sequences in schema public to hub_service;
alter default privileges in schema public grant select, insert, update, delete on tables to hub_service;
alter default privileges in schema public grant usage, select on sequences to hub_service;
revoke update, delete, truncate on audit_log from hub_service, public;
revoke update, delete, truncate on schema_migrations from hub_service, public;

-- A second line for everyone else, owners included: the audit log only grows.
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();

create index audit_log_case on audit_log (complaint_id, at);

-- Failed logins, per account name and per client address, for throttling. Old rows are deleted
-- by the login path itself.
create table login_failures (
    id      bigint generated always as identity primary key,
    login   text not null,
    address text not null,
    at      timestamptz not null default now()
);
create index login_failures_login on login_failures (lower(login), at);
create index login_failures_address on login_failures (address, at);
grant select, insert, delete on login_failures to hub_service;

-- Every form that changes state carries its session's token, so another site cannot post for a
-- signed-in staff member (on top of the SameSite=Strict cookie).
alter table staff_sessions add column csrf_token text not null default encode(gen_random_bytes(24), 'hex');

-- The citizen's answer to a resolution: 1 to 5, low ratings reopen the case.
alter table complaints add column citizen_rating smallint check (citizen_rating between 1 and 5);

-- Resolved cases close by themselves when their deadline passes; this finds them.
create index complaints_auto_close on complaints (module_code, due_at) where status = 'resolved';

-- Database roles: each service logs in as its own role, with only the grants its work needs.
--
-- HOW GRANTS WORK FROM HERE ON (read this before writing a migration that creates a table, a view
-- or a column some service reads):
--   * Privileges are granted only to the capability roles below (NOLOGIN groups named hub_cap_*),
--     never to a service's login role and never to PUBLIC. A service's login role (hub_gateway,
--     hub_intake, hub_public_works, hub_social, hub_tourism, hub_kir, hub_hubctl) inherits them
--     through membership, which is decided here, once.
--   * The migration that creates a table grants it in the same file, e.g.
--         grant select, insert, update on new_table to hub_cap_casework;
--     Nothing is granted by default: a table nobody grants is reachable only by the migration
--     owner and the operator (hub_hubctl, through hub_service's default privileges).
--   * Tests/HubStoreTests/ServiceRoleTests.swift fails on any table or view no hub_cap_* role may
--     reach, and on a session check the gateway's grants do not cover.
--   * Tables of migrations numbered below this one get their grants in this file.
--   * The gateway reads staff_accounts column by column (it never sees password hashes): a new
--     column the session check reads needs `grant select (new_column) on staff_accounts to
--     hub_cap_sessions`.
--   * Only the migration owner (HUB_MIGRATE_DATABASE_URL) creates or alters tables; the login roles
--     own nothing, may create nothing, and are neither superusers nor BYPASSRLS, so `RESET ROLE`
--     or `SET ROLE` gives them no more than they have. The audit log takes inserts only.
--   * `hubctl db-roles` turns the login roles on (LOGIN, and a password where one is given); a
--     migration never holds a password.
--
-- The capabilities:
--   hub_cap_public      the public reference data and the public projection views (no personal data)
--   hub_cap_sessions    who is behind a session token (sessions, accounts without password hashes)
--   hub_cap_find_owner  which module owns a case, by tracking code (the gateway's routing)
--   hub_cap_casework    working cases: read and change complaints, timeline, photos, the queue,
--                       append to the audit log, sign staff in and out
--   hub_cap_intake      taking submissions from every channel, and managing staff accounts
--   hub_cap_shift_roster    public-works' shift roster
--   hub_cap_kir_appointments    kir's test slots and bookings

-- Roles belong to the whole cluster, so another database of the same cluster may have made them.
do $$
declare
    name text;
begin
    foreach name in array array['hub_cap_public', 'hub_cap_sessions', 'hub_cap_find_owner', 'hub_cap_casework',
                                'hub_cap_intake', 'hub_cap_shift_roster', 'hub_cap_kir_appointments',
                                'hub_gateway', 'hub_intake', 'hub_public_works', 'hub_social', 'hub_tourism',
                                'hub_kir', 'hub_hubctl'] loop
        begin
            execute format('create role %I nologin nosuperuser nocreatedb nocreaterole nobypassrls', name);
        exception when duplicate_object or unique_violation then
            execute format('alter role %I nosuperuser nocreatedb nocreaterole nobypassrls', name);
        end;
    end loop;
end
$$;

grant usage on schema public to hub_cap_public;

grant select on agencies, categories, category_routes, channels, holidays, modules, subcategories, sub_units,
                public_complaints, public_timeline, public_photos, schema_migrations
   to hub_cap_public;

grant select on staff_sessions to hub_cap_sessions;
grant select (id, login, role, module_code, categories, area, sub_unit_code, active) on staff_accounts to hub_cap_sessions;

grant select (tracking_code, module_code) on complaints to hub_cap_find_owner;

grant select, update on complaints to hub_cap_casework;
grant select, insert on complaint_events to hub_cap_casework;
grant select, insert on complaint_photos to hub_cap_casework;
grant select on complaint_reporters, verified_reporters to hub_cap_casework;
grant select, insert on audit_log to hub_cap_casework;
grant select, insert, update, delete on queue_messages to hub_cap_casework;
grant select, insert on queue_dead_letters to hub_cap_casework;
grant usage on all sequences in schema public to hub_cap_casework;

grant insert on complaints, complaint_reporters to hub_cap_intake;
-- Open311 keeps the client's own fields on the first event.
grant update on complaint_events to hub_cap_intake;
grant select, insert on idempotency_keys to hub_cap_intake;
-- Signing in and managing accounts happen at intake only (the other modules serve neither).
grant select, insert, update on staff_accounts to hub_cap_intake;
grant select, insert, update on staff_sessions to hub_cap_intake;
grant select, insert, delete on login_failures to hub_cap_intake;
grant select, insert, update, delete on login_known_addresses to hub_cap_intake;
grant usage on all sequences in schema public to hub_cap_intake;

grant select, insert, update, delete on shift_roster to hub_cap_shift_roster;
grant select, insert, update, delete on kir_slots, kir_bookings to hub_cap_kir_appointments;

grant hub_cap_public, hub_cap_sessions, hub_cap_find_owner to hub_gateway;
grant hub_cap_public, hub_cap_sessions, hub_cap_casework, hub_cap_intake to hub_intake;
grant hub_cap_public, hub_cap_sessions, hub_cap_casework, hub_cap_shift_roster to hub_public_works;
grant hub_cap_public, hub_cap_sessions, hub_cap_casework to hub_social, hub_tourism;
grant hub_cap_public, hub_cap_sessions, hub_cap_casework, hub_cap_kir_appointments to hub_kir;
-- The operator's verbs (accounts, sub-units, verified reporters, dead letters) reach every working
-- table through hub_service (migration 007), whose default privileges cover new tables; it too may
-- only append to the audit log.
grant hub_service to hub_hubctl;


/// The database role services work as (created by migration 007): it may not rewrite the audit log.
/// Services connect with whatever `HUB_DATABASE_URL` names and then switch to it, so even a
/// superuser URL leaves the running services unable to update or delete audit records.
public enum ServiceRole {
    public static let name = "hub_service"

    /// Run on every new service connection. Where the role does not exist yet or the login may not
    /// take it on, the connection keeps its own role (and the audit log's trigger still guards it).
    public static let sessionSetup = """
        do $$
        begin
            if exists (select 1 from pg_roles where rolname = '\(name)')
               and pg_has_role(current_user, '\(name)', 'MEMBER') then
                execute 'set role \(name)';
            end if;
        end
        $$
        """
}

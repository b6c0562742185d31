-- The client address of the request behind each audit entry (HTTPRequest.clientAddress, resolved
-- from HUB_TRUSTED_PROXIES): whole for staff and inspectors, only its network (/24, /48) for a
-- citizen's answer, as the access log keeps it; null for the operator (hubctl) and the hub's own
-- work. The table grants of 014_service_roles.sql cover the new column (inserts only: the audit log
-- stays append-only).
alter table audit_log add column address text;

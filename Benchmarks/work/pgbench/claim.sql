-- Claiming a case (after session.sql): lock it by tracking code (one of bench_claim_codes, :codes of
-- them, cases of its own that work.sh prepared), take it into work for the account (:account),
-- append the public event and the audit record, in one transaction.
\set n random(1, :codes)
begin;
select id, status from complaints where tracking_code = (select code from bench_claim_codes where n = :n) for update \gset
update complaints set status = 'in_progress', assigned_to = :account, updated_at = now() where id = :id;
insert into complaint_events (complaint_id, kind, actor_role, actor_id, public, from_status, to_status)
values (:id, 'claimed', 'staff', :account, true, :status::text, 'in_progress');
insert into audit_log (account_id, role, address, action, complaint_id, before, after)
values (:account, 'staff', '127.0.0.1', 'claim', :id, jsonb_build_object('status', :status::text),
        jsonb_build_object('status', 'in_progress', 'assigned_to', :account::bigint));
commit;

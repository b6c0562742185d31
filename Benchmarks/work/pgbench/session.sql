-- Every staff request first finds its live session and account by the token (work.sh binds :token).
select a.id, a.login, a.role, a.module_code, a.categories, a.area, a.sub_unit_code, s.csrf_token
  from staff_sessions s
  join staff_accounts a on a.id = s.account_id
 where s.token_hash = digest(:token, 'sha256') and s.expires_at > now() and s.revoked_at is null and a.active;

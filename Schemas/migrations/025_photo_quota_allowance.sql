-- A photo charge that passes the day's allowance fails as a constraint, so the charge can travel
-- with the submission's COMMIT (issue 13: a submission in two round trips) instead of asking first.
-- Each charge writes the allowance it was made under; rows of earlier days keep none.
alter table photo_quota_usage add column allowance bigint;
alter table photo_quota_usage
    add constraint photo_quota_usage_within_allowance check (allowance is null or bytes <= allowance);

-- Lost codes, followers, and the reporter's choice of text channel (issue 14).

-- The text channel the reporter chose for their phone ('sms' or 'whatsapp'); null: the deployment's
-- default (HUB_TEXT_GATEWAY_CHANNEL).
alter table complaint_reporters add column text_channel text check (text_channel in ('sms', 'whatsapp'));

-- One phone number, however it was typed: digits only, the Indonesian trunk prefix 0 read as +62
-- ("0812-3456 7890", "+62 812 3456 7890" and "6281234567890" are one number). The one rule for
-- matching phones (the lost-code lookup); Contact.looksLikePhone decides what a phone is.
create function hub_phone_key(phone text) returns text language sql immutable parallel safe
    return case when regexp_replace(phone, '\D', '', 'g') like '0%'
                then '62' || substr(regexp_replace(phone, '\D', '', 'g'), 2)
                else regexp_replace(phone, '\D', '', 'g') end;

-- A lost code is looked up by the contact: one index probe each.
create index complaint_reporters_email on complaint_reporters (lower(email)) where email is not null;
create index complaint_reporters_phone on complaint_reporters (hub_phone_key(phone)) where phone is not null;

-- A lost-code notice concerns no single case (or none at all).
alter table reporter_deliveries alter column complaint_id drop not null;

-- Fixed-window counters shared by every replica (SharedRateLimit): one row per limited key (a scope
-- and a hash, never an address or a contact in clear), replaced when its window has passed.
create table rate_limit_windows (
    key          text primary key check (length(key) <= 100),
    window_start   timestamptz not null default now(),
    window_seconds int not null check (window_seconds > 0),
    hits           int not null default 1
);

-- Followers of public cases (FixMyStreet's "follow this report"): an email address, confirmed by the
-- link sent to it (confirm_token), unsubscribed by the link in every message (unsubscribe_token).
-- Never shown to anyone; deleted with the reporters' contacts (ContactRetention).
create table complaint_followers (
    id                bigint generated always as identity primary key,
    complaint_id      bigint not null references complaints on delete cascade,
    email             text not null check (length(email) <= 254),
    language          text not null default 'id' check (language in ('id', 'en')),
    confirm_token     text not null unique check (length(confirm_token) between 32 and 64),
    unsubscribe_token text not null unique check (length(unsubscribe_token) between 32 and 64),
    created_at        timestamptz not null default now(),
    confirmed_at      timestamptz
);
create unique index complaint_followers_once on complaint_followers (complaint_id, lower(email));

-- Intake takes follows, lost-code requests and sends; every module's case change checks whether a
-- notice has anyone to reach (a reporter or a confirmed follower).
grant select, insert, update, delete on rate_limit_windows to hub_cap_intake;
grant select, insert, update, delete on complaint_followers to hub_cap_intake;
grant select on complaint_followers to hub_cap_casework;

-- Telling the reporter (issue 14): the language they filed in, and the ledger that makes each
-- notice reach each of their channels at most once.

-- The reporter is told in the language they filed in ('id' or 'en').
alter table complaint_reporters add column language text not null default 'id' check (language in ('id', 'en'));

-- One row per delivery of a notice on a channel, keyed by the notice's key and the channel
-- (ReporterNotice.deliveryKey). The sender claims the key in a committed row just before the step
-- that cannot be taken back (SMTP's DATA, the gateway's POST) and stamps sent_at once the other side
-- accepted; a claim without sent_at is a delivery whose outcome a crash left unknown, never repeated.
-- It holds no address: a contact is deleted when its time is up, the ledger keeps only that a
-- delivery happened.
create table reporter_deliveries (
    key          text primary key check (length(key) <= 200),
    complaint_id bigint not null references complaints on delete cascade,
    channel      text not null check (channel in ('email', 'sms', 'whatsapp')),
    claimed_at   timestamptz not null default now(),
    sent_at      timestamptz
);
create index reporter_deliveries_complaint on reporter_deliveries (complaint_id);

-- Contacts are deleted a set time after their case ends (ContactRetention): closed cases by their
-- closing moment, rejected and merged ones by their last change.
create index complaints_ended on complaints (coalesce(closed_at, updated_at)) where status in ('closed', 'rejected', 'duplicate');

-- The sender and the contact sweep run in intake.
grant select, insert, update, delete on reporter_deliveries to hub_cap_intake;
grant select, delete on complaint_reporters to hub_cap_intake;

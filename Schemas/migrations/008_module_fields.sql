-- What the specialised modules add to their cases, in the shared schema.

-- Each module's own fields (a streetlight pole, a vehicle plate, the kind of social problem), as
-- text values checked by the module's profile. Never part of any public view.
alter table complaints add column module_fields jsonb not null default '{}'
    check (jsonb_typeof(module_fields) = 'object');

-- Village and kelurahan officials registered as verified reporters: their public-works reports
-- skip the verification step (DETAK PJU+ trusts them to keep out fictitious reports).
create table verified_reporters (
    id         bigint generated always as identity primary key,
    name       text not null check (length(name) between 1 and 200),
    position   text not null check (length(position) between 1 and 200),
    kelurahan  text check (length(kelurahan) <= 100),
    email      text check (length(email) <= 254),
    phone      text check (length(phone) <= 32),
    active     boolean not null default true,
    created_at timestamptz not null default now(),
    check (email is not null or phone is not null)
);
create unique index verified_reporters_email on verified_reporters (lower(email)) where active and email is not null;
create unique index verified_reporters_phone on verified_reporters (phone) where active and phone is not null;

-- KIR: test appointment slots at the testing station; a case books at most one.
create table kir_slots (
    id        bigint generated always as identity primary key,
    starts_at timestamptz not null unique,
    capacity  int not null check (capacity between 1 and 500)
);
create table kir_bookings (
    complaint_id bigint primary key references complaints on delete cascade,
    slot_id      bigint not null references kir_slots,
    booked_at    timestamptz not null default now()
);
create index kir_bookings_slot on kir_bookings (slot_id);

-- Public works: who is on duty when, so its queue is staffed round the clock.
create table shift_roster (
    id          bigint generated always as identity primary key,
    module_code text not null references modules,
    account_id  bigint not null references staff_accounts,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    check (ends_at > starts_at)
);
create index shift_roster_module on shift_roster (module_code, starts_at, ends_at);

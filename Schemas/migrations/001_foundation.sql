-- The hub's foundation: reference data, complaints, their public timeline, accounts, and the
-- message table every module consumes. Personal data lives apart from the complaint so the public
-- projection (the views at the end) can never reach it.

create extension if not exists pgcrypto;

create table modules (
    code    text primary key check (code ~ '^[a-z][a-z-]*$'),
    name_id text not null,
    name_en text not null
);

create table agencies (
    code    text primary key check (code ~ '^[a-z0-9][a-z0-9-]*$'),
    name_id text not null,
    name_en text not null
);

create table categories (
    code     text primary key check (code ~ '^[a-z][a-z-]*$'),
    name_id  text not null,
    name_en  text not null,
    keyword  text not null unique,
    position int  not null unique
);

create table subcategories (
    category_code text not null references categories on update cascade,
    code          text not null check (code ~ '^[a-z0-9][a-z0-9-]*$'),
    name_id       text not null,
    name_en       text not null,
    position      int  not null,
    primary key (category_code, code)
);

-- The routing table: which module owns a category, and which agency (OPD) works it.
create table category_routes (
    category_code text primary key references categories on update cascade,
    module_code   text not null references modules,
    agency_code   text not null references agencies
);

create table channels (
    code    text primary key,
    name_id text not null,
    name_en text not null
);

create table holidays (
    day     date primary key,
    name_id text not null,
    name_en text not null
);

create table staff_accounts (
    id            bigint generated always as identity primary key,
    login         text not null check (login ~ '^[A-Za-z0-9._@-]{3,64}$'),
    password_hash text not null,
    role          text not null check (role in ('admin', 'staff', 'supervisor', 'validator', 'inspector')),
    module_code   text references modules,
    categories    text[] not null default '{}',
    area          text,
    active        boolean not null default true,
    created_at    timestamptz not null default now()
);
create unique index staff_accounts_login on staff_accounts (lower(login));

create table staff_sessions (
    token_hash  bytea primary key,
    account_id  bigint not null references staff_accounts on delete cascade,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
create index staff_sessions_account on staff_sessions (account_id);

create table complaints (
    id               bigint generated always as identity primary key,
    tracking_code    text not null unique check (tracking_code ~ '^[0-9A-HJKMNP-TV-Z]{13}$'),
    category_code    text not null references categories on update cascade,
    subcategory_code text,
    module_code      text not null references modules,
    agency_code      text not null references agencies,
    channel_code     text not null references channels,
    status           text not null default 'received' check (status in (
                         'received', 'dispatched', 'verified', 'in_progress', 'awaiting_validation',
                         'resolved', 'closed', 'rejected', 'postponed', 'duplicate')),
    priority         text not null default 'normal' check (priority in ('low', 'normal', 'high', 'urgent')),
    description      text not null check (length(btrim(description)) between 1 and 4000),
    location         text check (length(location) <= 500),
    kelurahan        text check (length(kelurahan) <= 100),
    kecamatan        text check (length(kecamatan) <= 100),
    lat              double precision check (lat between -90 and 90),
    lon              double precision check (lon between -180 and 180),
    anonymous        boolean not null default true,
    confidential     boolean not null default true,
    inspectorate     boolean not null default false,
    escalation_level int not null default 0,
    assigned_to      bigint references staff_accounts,
    due_at           timestamptz,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    resolved_at      timestamptz,
    closed_at        timestamptz,
    foreign key (category_code, subcategory_code) references subcategories (category_code, code)
        on update cascade
);
create index complaints_work_queue on complaints (module_code, category_code, status, due_at);

-- Who reported, kept apart from the complaint; never read by any public path.
create table complaint_reporters (
    complaint_id bigint primary key references complaints on delete cascade,
    name         text check (length(name) <= 200),
    email        text check (length(email) <= 254),
    phone        text check (length(phone) <= 32)
);

-- The case's timeline. actor_role is what the public may see; actor_id stays internal.
create table complaint_events (
    id           bigint generated always as identity primary key,
    complaint_id bigint not null references complaints on delete cascade,
    kind         text not null,
    at           timestamptz not null default now(),
    actor_role   text not null,
    actor_id     bigint references staff_accounts,
    public       boolean not null,
    note         text check (length(note) <= 4000),
    from_status  text,
    to_status    text,
    details      jsonb not null default '{}'
);
create index complaint_events_case on complaint_events (complaint_id, at, id);

-- Every staff and inspector action, with what it changed.
create table audit_log (
    id           bigint generated always as identity primary key,
    at           timestamptz not null default now(),
    account_id   bigint references staff_accounts,
    role         text not null,
    action       text not null,
    complaint_id bigint references complaints,
    before       jsonb,
    after        jsonb
);

-- The one message table. Acknowledged messages are deleted, so the table stays small; the
-- autovacuum settings keep up with a table that is mostly churn.
create table queue_messages (
    id           bigint generated always as identity primary key,
    queue        text not null check (queue ~ '^[a-z][a-z0-9_.-]*$'),
    payload      jsonb not null,
    priority     smallint not null default 0,
    available_at timestamptz not null default now(),
    attempts     int not null default 0,
    max_attempts int not null default 10 check (max_attempts > 0),
    dedupe_key   text,
    last_error   text,
    created_at   timestamptz not null default now()
) with (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 1000,
        autovacuum_analyze_scale_factor = 0.0, autovacuum_analyze_threshold = 1000);
create index queue_messages_ready on queue_messages (queue, priority desc, available_at, id);
create unique index queue_messages_dedupe on queue_messages (queue, dedupe_key) where dedupe_key is not null;

create table queue_dead_letters (
    id           bigint primary key,
    queue        text not null,
    payload      jsonb not null,
    priority     smallint not null,
    attempts     int not null,
    dedupe_key   text,
    last_error   text,
    created_at   timestamptz not null,
    failed_at    timestamptz not null default now()
);

-- The public projection: no reporter and no staff identity. A confidential complaint shows its
-- status, area and the agency's public notes, never its own description or location.
create view public_complaints as
select c.tracking_code,
       c.category_code,
       cat.name_id as category_name_id,
       cat.name_en as category_name_en,
       c.status,
       c.confidential,
       case when c.confidential then null else c.description end as description,
       case when c.confidential then null else c.location end as location,
       c.kelurahan,
       c.kecamatan,
       c.due_at,
       c.created_at,
       c.updated_at
  from complaints c
  join categories cat on cat.code = c.category_code;

create view public_timeline as
select c.tracking_code,
       e.id as event_id,
       e.kind,
       e.at,
       e.actor_role,
       e.to_status,
       e.note
  from complaint_events e
  join complaints c on c.id = e.complaint_id
 where e.public;

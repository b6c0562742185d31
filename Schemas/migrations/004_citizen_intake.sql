-- What citizens add at intake: photos kept in PostgreSQL, idempotency of submissions, duplicate
-- links between reports of the same problem, and the streetlight pole a report names.

create table complaint_photos (
    id           bigint generated always as identity primary key,
    complaint_id bigint not null references complaints on delete cascade,
    position     int not null,
    purpose      text not null check (purpose in ('report', 'resolution')),
    media_type   text not null check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
    bytes        bytea not null check (octet_length(bytes) between 1 and 5242880),
    sha256       bytea not null,
    created_at   timestamptz not null default now(),
    unique (complaint_id, purpose, position)
);
-- Images are compressed already; storing them uncompressed out of line saves the CPU.
alter table complaint_photos alter column bytes set storage external;

-- A retried or double-clicked submission maps to the complaint the first one created.
create table idempotency_keys (
    scope        text not null check (scope in ('api', 'form', 'open311', 'sms', 'desk')),
    key          text not null check (length(key) between 1 and 200),
    request_hash bytea not null,
    complaint_id bigint not null references complaints on delete cascade,
    created_at   timestamptz not null default now(),
    primary key (scope, key)
);

alter table complaints
    add column duplicate_of bigint references complaints,
    add column pole_id      text check (length(pole_id) <= 40);

-- Duplicate search: open reports of a category in the last days.
create index complaints_open_by_category on complaints (category_code, created_at)
    where status not in ('closed', 'rejected', 'duplicate');
create index complaints_pole on complaints (pole_id) where pole_id is not null;

-- The public projection gains the case a duplicate joined (its public status, never its reporter).
create or replace view public_complaints as
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
       c.updated_at,
       joined.tracking_code as joined_tracking_code,
       joined.status as joined_status
  from complaints c
  join categories cat on cat.code = c.category_code
  left join complaints joined on joined.id = c.duplicate_of;

-- Photos anyone may see: those of complaints that are not confidential.
create view public_photos as
select c.tracking_code, p.id, p.position, p.purpose, p.media_type, p.bytes
  from complaint_photos p
  join complaints c on c.id = p.complaint_id
 where not c.confidential;

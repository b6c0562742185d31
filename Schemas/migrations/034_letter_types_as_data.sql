-- Letter types as data that admins edit (issue 15): /api/v1/staff/admin/letter-types and the admin
-- pages change a type's names, fields, body template, whether it goes on to the kecamatan and its
-- deadline (the letters' service level), audited. A letter keeps the deadline and the chain it was
-- entered with: a change applies to the next letter, never to one already running.

alter table letters add column deadline_days integer check (deadline_days between 1 and 60),
                    add column reaches_district boolean;
update letters l set deadline_days = t.deadline_days, reaches_district = t.reaches_district
  from letter_types t where t.code = l.type_code;
alter table letters alter column deadline_days set not null,
                    alter column reaches_district set not null;

-- A changed type is announced on reference_data like the rest of the reference data (migration 030).
create trigger letter_types_changed after insert or update or delete or truncate on letter_types
    for each statement execute function reference_data_changed();

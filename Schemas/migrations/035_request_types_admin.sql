-- Requests that fan out are reference data admins edit (issue 16): the request types, each agency's
-- part of one, and the subcategory a citizen asks for one by, through /api/v1/staff/admin/request-types,
-- /api/v1/staff/admin/request-parts and the subcategories' `request_type`, audited like every other
-- kind. A submission reads the parts afresh (FanOutStore), so a change applies to the next request;
-- the parts of one already made stay as they were.

grant insert, update on request_types, request_type_parts to hub_cap_intake;

-- Announced on reference_data like every other table admins edit (migration 030).
create trigger request_types_changed after insert or update or delete or truncate on request_types
    for each statement execute function reference_data_changed();
create trigger request_type_parts_changed after insert or update or delete or truncate on request_type_parts
    for each statement execute function reference_data_changed();

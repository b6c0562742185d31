-- Cases that cross agencies (issue 16), second part. Requests that fan out are reference data admins
-- edit: the request types, each agency's part of one, and the subcategory a citizen asks for one by,
-- through /api/v1/staff/admin/request-types, /api/v1/staff/admin/request-parts and the subcategories'
-- `request_type`, audited like every other kind. A submission reads the parts afresh (FanOutStore),
-- so a change applies to the next request; the parts of one already made stay as they were.

grant insert, update on request_types, request_type_parts to hub_cap_intake;

-- Announced on reference_data like every other table admins edit (migration 030).
create trigger request_types_changed after insert or update or delete or truncate on request_types
    for each statement execute function reference_data_changed();
create trigger request_type_parts_changed after insert or update or delete or truncate on request_type_parts
    for each statement execute function reference_data_changed();

-- Staff see their module's cases by category, so a case forwarded to another agency takes one of the
-- categories the receiving agency's routes name (intake's desks share one module: the health
-- office's staff would not see a civil registry case otherwise). The category and subcategory it had
-- are kept beside the agency and module it goes back to if returned; a case forwarded before this
-- migration kept its own.
alter table complaints
    add column forwarded_from_category    text,
    add column forwarded_from_subcategory text;
update complaints set forwarded_from_category = category_code, forwarded_from_subcategory = subcategory_code
 where forwarded_from_agency is not null;
alter table complaints add constraint complaints_forwarded_from_category check (
    forwarded_from_agency is not null or (forwarded_from_category is null and forwarded_from_subcategory is null));

-- Services read the sub-units as hub_service: say so, rather than rely on default privileges
-- (which cover only tables created by the role that set them).
grant select on sub_units to hub_service;

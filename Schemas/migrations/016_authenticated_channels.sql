-- Which channels vouch for the reporter's contact: the SMS gateway's sender number (the gateway
-- authenticates with its secret) and the walk-in desk (a staff account enters what it saw). What a
-- submitter types into the web form, the JSON API or Open311 is never proof of who they are, so
-- only a contact from a vouching channel can match a verified village official.
alter table channels add column authenticates_contact boolean not null default false;
update channels set authenticates_contact = true where code in ('sms', 'desk');

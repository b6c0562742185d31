-- Where each account last logged in successfully. Failed logins from elsewhere do not lock an
-- account out of an address it is known to use, so a stranger who knows a login cannot keep its
-- owner out of the office by guessing passwords.
create table login_known_addresses (
    account_id   bigint not null references staff_accounts on delete cascade,
    address      text not null,
    last_success timestamptz not null default now(),
    primary key (account_id, address)
);
grant select, insert, update, delete on login_known_addresses to hub_service;

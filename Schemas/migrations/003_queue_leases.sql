-- Leases for the message table. Receiving a message takes a lease: its available_at moves to the
-- lease's end and lease_id identifies this delivery. A consumer that dies simply lets the lease run
-- out, and the message becomes available again by itself; the receive query and its index stay the
-- same. attempts now counts deliveries.

alter table queue_messages
    add column lease_id    uuid,
    add column leased_by   text,
    add column leased_at   timestamptz;

-- Dead letters keep who last held them, for the operator.
alter table queue_dead_letters
    add column leased_by text;

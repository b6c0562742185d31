-- The regions are reference data now that the citizen form suggests their names and the staff queue
-- offers them as its area filter: a change (hubctl areas import) is announced on reference_data like
-- the categories' (migration 030), so that the gateway's cached copy is dropped at once.
create trigger regions_changed after insert or update or delete or truncate on regions
    for each statement execute function reference_data_changed();

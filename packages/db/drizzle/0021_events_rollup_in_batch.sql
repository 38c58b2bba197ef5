-- New events are summed into coverage_days by storeEvents, one upsert per commune, day, unit and metric of a batch,
-- in the transaction that stores them (a per-row trigger cost a third of ingest). Deleting events still subtracts
-- through coverage_events_delete.
DROP TRIGGER IF EXISTS `coverage_events_insert`;

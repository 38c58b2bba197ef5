CREATE TABLE `commitment_days` (
	`commune_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`unit_key` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`day` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`commune_id`, `campaign_id`, `unit_key`, `kind`, `status`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `coverage_days` (
	`commune_id` text NOT NULL,
	`day` text NOT NULL,
	`unit_key` text NOT NULL,
	`metric` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`commune_id`, `day`, `unit_key`, `metric`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Rollups are kept by triggers so that every path that writes the counted rows (ingest, edits, reviews, imports,
-- purges, a hand-run statement) keeps them in its own transaction. Days are Vietnam days (UTC+7, no daylight saving).
CREATE TRIGGER `coverage_events_insert` AFTER INSERT ON `events`
WHEN NEW.commune_id IS NOT NULL AND (NEW.village_id IS NOT NULL OR NEW.school_id IS NOT NULL)
BEGIN
  INSERT INTO coverage_days (commune_id, day, unit_key, metric, n)
  VALUES (NEW.commune_id, strftime('%Y-%m-%d', (NEW.occurred_at + 25200000) / 1000, 'unixepoch'), CASE WHEN NEW.village_id IS NOT NULL THEN 'v:' || NEW.village_id ELSE 's:' || NEW.school_id END, 'ev:' || CASE WHEN NEW.self_declared THEN 'self' ELSE 'kiosk' END || ':' || NEW.type, 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_events_delete` AFTER DELETE ON `events`
WHEN OLD.commune_id IS NOT NULL AND (OLD.village_id IS NOT NULL OR OLD.school_id IS NOT NULL)
BEGIN
  UPDATE coverage_days SET n = n - 1
  WHERE commune_id = OLD.commune_id AND day = strftime('%Y-%m-%d', (OLD.occurred_at + 25200000) / 1000, 'unixepoch')
    AND unit_key = CASE WHEN OLD.village_id IS NOT NULL THEN 'v:' || OLD.village_id ELSE 's:' || OLD.school_id END AND metric = 'ev:' || CASE WHEN OLD.self_declared THEN 'self' ELSE 'kiosk' END || ':' || OLD.type;
  DELETE FROM coverage_days WHERE n <= 0 AND commune_id = OLD.commune_id AND day = strftime('%Y-%m-%d', (OLD.occurred_at + 25200000) / 1000, 'unixepoch');
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_activity_units_insert` AFTER INSERT ON `activity_units`
BEGIN
  INSERT INTO coverage_days (commune_id, day, unit_key, metric, n)
  SELECT NEW.commune_id, NEW.date, NEW.unit_key, 'act:' || a.type, 1 FROM activities a WHERE a.id = NEW.activity_id
  ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO coverage_days (commune_id, day, unit_key, metric, n)
  SELECT NEW.commune_id, NEW.date, 'c', 'act:' || a.type, 1 FROM activities a
  WHERE a.id = NEW.activity_id
    AND (SELECT count(*) FROM activity_units u WHERE u.activity_id = NEW.activity_id AND u.date = NEW.date) = 1
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_activity_units_delete` AFTER DELETE ON `activity_units`
BEGIN
  UPDATE coverage_days SET n = n - 1
  WHERE commune_id = OLD.commune_id AND day = OLD.date AND unit_key = OLD.unit_key
    AND metric = (SELECT 'act:' || a.type FROM activities a WHERE a.id = OLD.activity_id);
  UPDATE coverage_days SET n = n - 1
  WHERE commune_id = OLD.commune_id AND day = OLD.date AND unit_key = 'c'
    AND metric = (SELECT 'act:' || a.type FROM activities a WHERE a.id = OLD.activity_id)
    AND NOT EXISTS (SELECT 1 FROM activity_units u WHERE u.activity_id = OLD.activity_id AND u.date = OLD.date);
  DELETE FROM coverage_days WHERE n <= 0 AND commune_id = OLD.commune_id AND day = OLD.date;
END;
--> statement-breakpoint
-- An activity deleted with its units still linked (a cascade) would leave the unit trigger no type to read.
CREATE TRIGGER `coverage_activities_delete` BEFORE DELETE ON `activities`
BEGIN
  DELETE FROM activity_units WHERE activity_id = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_activities_type` AFTER UPDATE OF type ON `activities`
WHEN OLD.type <> NEW.type
BEGIN
  UPDATE coverage_days SET n = n - 1
  WHERE commune_id = OLD.commune_id AND metric = 'act:' || OLD.type
    AND (day, unit_key) IN (SELECT date, unit_key FROM activity_units WHERE activity_id = OLD.id
                            UNION SELECT DISTINCT date, 'c' FROM activity_units WHERE activity_id = OLD.id);
  INSERT INTO coverage_days (commune_id, day, unit_key, metric, n)
  SELECT commune_id, date, unit_key, 'act:' || NEW.type, 1 FROM activity_units WHERE activity_id = NEW.id
  UNION ALL SELECT DISTINCT commune_id, date, 'c', 'act:' || NEW.type, 1 FROM activity_units WHERE activity_id = NEW.id
  ON CONFLICT DO UPDATE SET n = n + 1;
  DELETE FROM coverage_days WHERE n <= 0 AND commune_id = OLD.commune_id AND metric = 'act:' || OLD.type;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_entries_insert` AFTER INSERT ON `commitment_entries`
BEGIN
  INSERT INTO commitment_days (commune_id, campaign_id, unit_key, kind, status, day, n)
  VALUES (NEW.commune_id, NEW.campaign_id, CASE WHEN NEW.village_id IS NOT NULL THEN 'v:' || NEW.village_id WHEN NEW.school_id IS NOT NULL THEN 's:' || NEW.school_id WHEN NEW.organization_id IS NOT NULL THEN 'o:' || NEW.organization_id ELSE '-' END, NEW.kind, NEW.status, strftime('%Y-%m-%d', (NEW.signed_at + 25200000) / 1000, 'unixepoch'), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_entries_delete` AFTER DELETE ON `commitment_entries`
BEGIN
  UPDATE commitment_days SET n = n - 1
  WHERE commune_id = OLD.commune_id AND campaign_id = OLD.campaign_id AND unit_key = CASE WHEN OLD.village_id IS NOT NULL THEN 'v:' || OLD.village_id WHEN OLD.school_id IS NOT NULL THEN 's:' || OLD.school_id WHEN OLD.organization_id IS NOT NULL THEN 'o:' || OLD.organization_id ELSE '-' END
    AND kind = OLD.kind AND status = OLD.status AND day = strftime('%Y-%m-%d', (OLD.signed_at + 25200000) / 1000, 'unixepoch');
  DELETE FROM commitment_days
  WHERE n <= 0 AND commune_id = OLD.commune_id AND campaign_id = OLD.campaign_id AND unit_key = CASE WHEN OLD.village_id IS NOT NULL THEN 'v:' || OLD.village_id WHEN OLD.school_id IS NOT NULL THEN 's:' || OLD.school_id WHEN OLD.organization_id IS NOT NULL THEN 'o:' || OLD.organization_id ELSE '-' END;
END;
--> statement-breakpoint
-- Reviews change the status; a purge blanks personal fields only and so leaves the counts alone.
CREATE TRIGGER `coverage_entries_update`
AFTER UPDATE OF commune_id, campaign_id, kind, status, village_id, school_id, organization_id, signed_at
ON `commitment_entries`
BEGIN
  UPDATE commitment_days SET n = n - 1
  WHERE commune_id = OLD.commune_id AND campaign_id = OLD.campaign_id AND unit_key = CASE WHEN OLD.village_id IS NOT NULL THEN 'v:' || OLD.village_id WHEN OLD.school_id IS NOT NULL THEN 's:' || OLD.school_id WHEN OLD.organization_id IS NOT NULL THEN 'o:' || OLD.organization_id ELSE '-' END
    AND kind = OLD.kind AND status = OLD.status AND day = strftime('%Y-%m-%d', (OLD.signed_at + 25200000) / 1000, 'unixepoch');
  DELETE FROM commitment_days
  WHERE n <= 0 AND commune_id = OLD.commune_id AND campaign_id = OLD.campaign_id AND unit_key = CASE WHEN OLD.village_id IS NOT NULL THEN 'v:' || OLD.village_id WHEN OLD.school_id IS NOT NULL THEN 's:' || OLD.school_id WHEN OLD.organization_id IS NOT NULL THEN 'o:' || OLD.organization_id ELSE '-' END;
  INSERT INTO commitment_days (commune_id, campaign_id, unit_key, kind, status, day, n)
  VALUES (NEW.commune_id, NEW.campaign_id, CASE WHEN NEW.village_id IS NOT NULL THEN 'v:' || NEW.village_id WHEN NEW.school_id IS NOT NULL THEN 's:' || NEW.school_id WHEN NEW.organization_id IS NOT NULL THEN 'o:' || NEW.organization_id ELSE '-' END, NEW.kind, NEW.status, strftime('%Y-%m-%d', (NEW.signed_at + 25200000) / 1000, 'unixepoch'), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
-- Backfill from the rows already stored.
INSERT INTO coverage_days (commune_id, day, unit_key, metric, n)
SELECT commune_id, strftime('%Y-%m-%d', (occurred_at + 25200000) / 1000, 'unixepoch'), CASE WHEN e.village_id IS NOT NULL THEN 'v:' || e.village_id ELSE 's:' || e.school_id END, 'ev:' || CASE WHEN e.self_declared THEN 'self' ELSE 'kiosk' END || ':' || e.type, count(*)
FROM events e WHERE commune_id IS NOT NULL AND (village_id IS NOT NULL OR school_id IS NOT NULL)
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO coverage_days (commune_id, day, unit_key, metric, n)
SELECT u.commune_id, u.date, u.unit_key, 'act:' || a.type, count(*)
FROM activity_units u JOIN activities a ON a.id = u.activity_id
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO coverage_days (commune_id, day, unit_key, metric, n)
SELECT commune_id, date, 'c', metric, count(*)
FROM (SELECT DISTINCT u.commune_id, u.date, u.activity_id, 'act:' || a.type AS metric
      FROM activity_units u JOIN activities a ON a.id = u.activity_id)
GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO commitment_days (commune_id, campaign_id, unit_key, kind, status, day, n)
SELECT commune_id, campaign_id, CASE WHEN e.village_id IS NOT NULL THEN 'v:' || e.village_id WHEN e.school_id IS NOT NULL THEN 's:' || e.school_id WHEN e.organization_id IS NOT NULL THEN 'o:' || e.organization_id ELSE '-' END, kind, status, strftime('%Y-%m-%d', (e.signed_at + 25200000) / 1000, 'unixepoch'), count(*)
FROM commitment_entries e
GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TABLE `commitment_units` (
	`commune_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`unit_key` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`commune_id`, `campaign_id`, `unit_key`, `kind`, `status`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Unit rows follow the day rows, whatever writes those (the triggers of migration 0009, a rebuild, a hand-run
-- statement): n is always the sum of the unit's day rows. An upsert of a day row that exists fires the UPDATE
-- trigger, a new day row the INSERT trigger.
CREATE TRIGGER `commitment_units_insert` AFTER INSERT ON `commitment_days`
BEGIN
  INSERT INTO commitment_units (commune_id, campaign_id, unit_key, kind, status, n)
  VALUES (NEW.commune_id, NEW.campaign_id, NEW.unit_key, NEW.kind, NEW.status, NEW.n)
  ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_units_update` AFTER UPDATE OF n ON `commitment_days`
BEGIN
  UPDATE commitment_units SET n = n + NEW.n - OLD.n
  WHERE commune_id = NEW.commune_id AND campaign_id = NEW.campaign_id AND unit_key = NEW.unit_key
    AND kind = NEW.kind AND status = NEW.status;
  DELETE FROM commitment_units
  WHERE commune_id = NEW.commune_id AND campaign_id = NEW.campaign_id AND unit_key = NEW.unit_key
    AND kind = NEW.kind AND status = NEW.status AND n <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `commitment_units_delete` AFTER DELETE ON `commitment_days`
BEGIN
  UPDATE commitment_units SET n = n - OLD.n
  WHERE commune_id = OLD.commune_id AND campaign_id = OLD.campaign_id AND unit_key = OLD.unit_key
    AND kind = OLD.kind AND status = OLD.status;
  DELETE FROM commitment_units
  WHERE commune_id = OLD.commune_id AND campaign_id = OLD.campaign_id AND unit_key = OLD.unit_key
    AND kind = OLD.kind AND status = OLD.status AND n <= 0;
END;
--> statement-breakpoint
INSERT INTO commitment_units (commune_id, campaign_id, unit_key, kind, status, n)
SELECT commune_id, campaign_id, unit_key, kind, status, sum(n) FROM commitment_days WHERE n > 0
GROUP BY commune_id, campaign_id, unit_key, kind, status;

CREATE TABLE `coverage_months` (
	`commune_id` text NOT NULL,
	`month` text NOT NULL,
	`unit_key` text NOT NULL,
	`metric` text NOT NULL,
	`n` integer NOT NULL,
	`last_day` text NOT NULL,
	PRIMARY KEY(`commune_id`, `month`, `unit_key`, `metric`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Finds a unit's last counted day in a month at once when a day row empties (see the triggers below).
CREATE INDEX `coverage_days_unit_idx` ON `coverage_days` (`commune_id`, `unit_key`, `metric`, `day`);
--> statement-breakpoint
-- Month rows follow the day rows, whatever writes those (the triggers of migration 0009, a rebuild, a hand-run
-- statement): n is always the sum of the month's day rows, last_day the latest of them still counting.
-- An upsert of a day row that exists fires the UPDATE trigger, a new day row the INSERT trigger.
CREATE TRIGGER `coverage_months_insert` AFTER INSERT ON `coverage_days`
BEGIN
  INSERT INTO coverage_months (commune_id, month, unit_key, metric, n, last_day)
  VALUES (NEW.commune_id, substr(NEW.day, 1, 7), NEW.unit_key, NEW.metric, NEW.n, NEW.day)
  ON CONFLICT DO UPDATE SET n = n + excluded.n,
    last_day = CASE WHEN excluded.n > 0 AND excluded.last_day > last_day THEN excluded.last_day ELSE last_day END;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_months_update` AFTER UPDATE OF n ON `coverage_days`
BEGIN
  UPDATE coverage_months SET n = n + NEW.n - OLD.n,
    last_day = CASE
      WHEN NEW.n > 0 THEN max(last_day, NEW.day)
      ELSE coalesce((SELECT max(d.day) FROM coverage_days d
                     WHERE d.commune_id = NEW.commune_id AND d.unit_key = NEW.unit_key AND d.metric = NEW.metric
                       AND d.day >= substr(NEW.day, 1, 7) || '-01' AND d.day < substr(NEW.day, 1, 7) || '-99'
                       AND d.n > 0), last_day)
    END
  WHERE commune_id = NEW.commune_id AND month = substr(NEW.day, 1, 7) AND unit_key = NEW.unit_key
    AND metric = NEW.metric;
  DELETE FROM coverage_months
  WHERE commune_id = NEW.commune_id AND month = substr(NEW.day, 1, 7) AND unit_key = NEW.unit_key
    AND metric = NEW.metric AND n <= 0;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_months_delete` AFTER DELETE ON `coverage_days`
BEGIN
  UPDATE coverage_months SET n = n - OLD.n,
    last_day = coalesce((SELECT max(d.day) FROM coverage_days d
                         WHERE d.commune_id = OLD.commune_id AND d.unit_key = OLD.unit_key AND d.metric = OLD.metric
                           AND d.day >= substr(OLD.day, 1, 7) || '-01' AND d.day < substr(OLD.day, 1, 7) || '-99'
                           AND d.n > 0), last_day)
  WHERE commune_id = OLD.commune_id AND month = substr(OLD.day, 1, 7) AND unit_key = OLD.unit_key
    AND metric = OLD.metric;
  DELETE FROM coverage_months
  WHERE commune_id = OLD.commune_id AND month = substr(OLD.day, 1, 7) AND unit_key = OLD.unit_key
    AND metric = OLD.metric AND n <= 0;
END;
--> statement-breakpoint
INSERT INTO coverage_months (commune_id, month, unit_key, metric, n, last_day)
SELECT commune_id, substr(day, 1, 7), unit_key, metric, sum(n), max(day) FROM coverage_days WHERE n > 0
GROUP BY commune_id, substr(day, 1, 7), unit_key, metric;

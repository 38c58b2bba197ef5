CREATE TABLE `coverage_versions` (
	`commune_id` text PRIMARY KEY NOT NULL,
	`v` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
-- Every source of a commune's coverage moves its counter in the same statement that changes it (see
-- schema/coverage-rollups.ts). A row that moves to another commune moves both counters.
CREATE TRIGGER `coverage_version_coverage_days_insert` AFTER INSERT ON `coverage_days`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_coverage_days_update` AFTER UPDATE ON `coverage_days`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
  INSERT INTO coverage_versions (commune_id, v) SELECT OLD.commune_id, 1 WHERE OLD.commune_id IS NOT NEW.commune_id
    ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_coverage_days_delete` AFTER DELETE ON `coverage_days`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (OLD.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_commitment_days_insert` AFTER INSERT ON `commitment_days`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_commitment_days_update` AFTER UPDATE ON `commitment_days`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
  INSERT INTO coverage_versions (commune_id, v) SELECT OLD.commune_id, 1 WHERE OLD.commune_id IS NOT NEW.commune_id
    ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_commitment_days_delete` AFTER DELETE ON `commitment_days`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (OLD.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_villages_insert` AFTER INSERT ON `villages`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_villages_update` AFTER UPDATE ON `villages`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
  INSERT INTO coverage_versions (commune_id, v) SELECT OLD.commune_id, 1 WHERE OLD.commune_id IS NOT NEW.commune_id
    ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_villages_delete` AFTER DELETE ON `villages`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (OLD.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_schools_insert` AFTER INSERT ON `schools`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_schools_update` AFTER UPDATE ON `schools`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
  INSERT INTO coverage_versions (commune_id, v) SELECT OLD.commune_id, 1 WHERE OLD.commune_id IS NOT NEW.commune_id
    ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_schools_delete` AFTER DELETE ON `schools`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (OLD.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_organizations_insert` AFTER INSERT ON `organizations`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_organizations_update` AFTER UPDATE ON `organizations`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
  INSERT INTO coverage_versions (commune_id, v) SELECT OLD.commune_id, 1 WHERE OLD.commune_id IS NOT NEW.commune_id
    ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_organizations_delete` AFTER DELETE ON `organizations`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (OLD.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_coverage_settings_insert` AFTER INSERT ON `coverage_settings`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_coverage_settings_update` AFTER UPDATE ON `coverage_settings`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
  INSERT INTO coverage_versions (commune_id, v) SELECT OLD.commune_id, 1 WHERE OLD.commune_id IS NOT NEW.commune_id
    ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_coverage_settings_delete` AFTER DELETE ON `coverage_settings`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (OLD.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_registry_villages_insert` AFTER INSERT ON `registry_villages`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_registry_villages_update` AFTER UPDATE ON `registry_villages`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
  INSERT INTO coverage_versions (commune_id, v) SELECT OLD.commune_id, 1 WHERE OLD.commune_id IS NOT NEW.commune_id
    ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_registry_villages_delete` AFTER DELETE ON `registry_villages`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (OLD.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_commitment_campaigns_insert` AFTER INSERT ON `commitment_campaigns`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_commitment_campaigns_update` AFTER UPDATE ON `commitment_campaigns`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (NEW.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
  INSERT INTO coverage_versions (commune_id, v) SELECT OLD.commune_id, 1 WHERE OLD.commune_id IS NOT NEW.commune_id
    ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `coverage_version_commitment_campaigns_delete` AFTER DELETE ON `commitment_campaigns`
BEGIN
  INSERT INTO coverage_versions (commune_id, v) VALUES (OLD.commune_id, 1) ON CONFLICT DO UPDATE SET v = v + 1;
END;
--> statement-breakpoint
INSERT INTO coverage_versions (commune_id, v) SELECT id, 1 FROM communes;

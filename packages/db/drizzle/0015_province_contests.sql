PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_contest_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`contest_id` text NOT NULL,
	`commune_id` text,
	`name` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`question_count` integer NOT NULL,
	`mix` text NOT NULL,
	`time_limit_seconds` integer NOT NULL,
	`attempts_allowed` integer NOT NULL,
	`counting_rule` text NOT NULL,
	`prizes` text NOT NULL,
	`results_published_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_contest_rounds`("id", "contest_id", "commune_id", "name", "starts_at", "ends_at", "question_count", "mix", "time_limit_seconds", "attempts_allowed", "counting_rule", "prizes", "results_published_at", "created_at", "updated_at") SELECT "id", "contest_id", "commune_id", "name", "starts_at", "ends_at", "question_count", "mix", "time_limit_seconds", "attempts_allowed", "counting_rule", "prizes", "results_published_at", "created_at", "updated_at" FROM `contest_rounds`;--> statement-breakpoint
DROP TABLE `contest_rounds`;--> statement-breakpoint
ALTER TABLE `__new_contest_rounds` RENAME TO `contest_rounds`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `contest_rounds_contest_idx` ON `contest_rounds` (`contest_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `__new_contests` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text,
	`province_id` text NOT NULL,
	`title` text NOT NULL,
	`scope` text NOT NULL,
	`rules_md` text DEFAULT '' NOT NULL,
	`banner` text,
	`prediction_target` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_contests`("id", "commune_id", "province_id", "title", "scope", "rules_md", "banner", "prediction_target", "status", "created_by", "created_at", "updated_at") SELECT "id", "commune_id", "province_id", "title", "scope", "rules_md", "banner", "prediction_target", "status", "created_by", "created_at", "updated_at" FROM `contests`;--> statement-breakpoint
DROP TABLE `contests`;--> statement-breakpoint
ALTER TABLE `__new_contests` RENAME TO `contests`;--> statement-breakpoint
CREATE INDEX `contests_commune_idx` ON `contests` (`commune_id`);--> statement-breakpoint
CREATE INDEX `contests_province_idx` ON `contests` (`province_id`,`scope`);--> statement-breakpoint
CREATE TABLE `__new_contest_links` (
	`code` text PRIMARY KEY NOT NULL,
	`contest_id` text NOT NULL,
	`commune_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_contest_links`("code", "contest_id", "commune_id", "created_at") SELECT "code", "contest_id", "commune_id", "created_at" FROM `contest_links`;--> statement-breakpoint
DROP TABLE `contest_links`;--> statement-breakpoint
ALTER TABLE `__new_contest_links` RENAME TO `contest_links`;--> statement-breakpoint
CREATE UNIQUE INDEX `contest_links_contest_id_unique` ON `contest_links` (`contest_id`);--> statement-breakpoint
CREATE INDEX `contest_participants_commune_idx` ON `contest_participants` (`contest_id`,`unit_commune_id`);
CREATE TABLE `contest_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`contest_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`attempt_no` integer NOT NULL,
	`client_id` text,
	`questions` text NOT NULL,
	`answers` text NOT NULL,
	`prediction` integer,
	`started_at` integer NOT NULL,
	`deadline_at` integer NOT NULL,
	`submitted_at` integer,
	`closed_reason` text,
	`score` integer,
	`duration_ms` integer,
	`flagged` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `contest_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `contest_participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contest_attempts_no_uq` ON `contest_attempts` (`round_id`,`participant_id`,`attempt_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `contest_attempts_client_uq` ON `contest_attempts` (`participant_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `contest_attempts_round_idx` ON `contest_attempts` (`round_id`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `contest_participants` (
	`id` text PRIMARY KEY NOT NULL,
	`contest_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`client_id` text NOT NULL,
	`phone` text NOT NULL,
	`token_hash` text NOT NULL,
	`full_name` text NOT NULL,
	`birth_year` integer NOT NULL,
	`unit_kind` text NOT NULL,
	`unit_id` text NOT NULL,
	`unit_commune_id` text NOT NULL,
	`guardian_name` text,
	`guardian_consent_at` integer,
	`consent_at` integer NOT NULL,
	`status` text DEFAULT 'registered' NOT NULL,
	`status_reason` text,
	`status_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`status_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contest_participants_phone_uq` ON `contest_participants` (`contest_id`,`phone`);--> statement-breakpoint
CREATE UNIQUE INDEX `contest_participants_client_uq` ON `contest_participants` (`contest_id`,`client_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `contest_participants_token_uq` ON `contest_participants` (`token_hash`);--> statement-breakpoint
CREATE INDEX `contest_participants_unit_idx` ON `contest_participants` (`contest_id`,`unit_kind`,`unit_id`);--> statement-breakpoint
CREATE TABLE `contest_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`contest_id` text NOT NULL,
	`commune_id` text NOT NULL,
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
CREATE INDEX `contest_rounds_contest_idx` ON `contest_rounds` (`contest_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `contests` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text NOT NULL,
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
CREATE INDEX `contests_commune_idx` ON `contests` (`commune_id`);--> statement-breakpoint
CREATE INDEX `contests_province_idx` ON `contests` (`province_id`,`scope`);
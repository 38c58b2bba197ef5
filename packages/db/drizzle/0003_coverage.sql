CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text NOT NULL,
	`date` text NOT NULL,
	`type` text NOT NULL,
	`audience_group` text NOT NULL,
	`participants` integer,
	`organizer` text,
	`notes` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activities_commune_date_idx` ON `activities` (`commune_id`,`date`);--> statement-breakpoint
CREATE TABLE `activity_photos` (
	`id` text PRIMARY KEY NOT NULL,
	`activity_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_photos_activity_idx` ON `activity_photos` (`activity_id`);--> statement-breakpoint
CREATE TABLE `activity_units` (
	`activity_id` text NOT NULL,
	`unit_key` text NOT NULL,
	`commune_id` text NOT NULL,
	`date` text NOT NULL,
	`village_id` text,
	`school_id` text,
	PRIMARY KEY(`activity_id`, `unit_key`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activity_units_commune_date_idx` ON `activity_units` (`commune_id`,`date`,`village_id`,`school_id`,`activity_id`);--> statement-breakpoint
CREATE INDEX `activity_units_village_date_idx` ON `activity_units` (`village_id`,`date`);--> statement-breakpoint
CREATE INDEX `activity_units_school_date_idx` ON `activity_units` (`school_id`,`date`);--> statement-breakpoint
CREATE TABLE `coverage_settings` (
	`commune_id` text PRIMARY KEY NOT NULL,
	`digital_reach_counts` integer DEFAULT false NOT NULL,
	`min_events` integer DEFAULT 20 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
DROP INDEX `events_commune_time_idx`;--> statement-breakpoint
CREATE INDEX `events_commune_time_idx` ON `events` (`commune_id`,`occurred_at`,`village_id`,`type`);
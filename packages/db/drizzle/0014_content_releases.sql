CREATE TABLE `content_releases` (
	`id` text PRIMARY KEY NOT NULL,
	`version` text NOT NULL,
	`applied_at` integer NOT NULL,
	`account_id` text,
	`counts` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `lessons` ADD `shipped_hash` text;
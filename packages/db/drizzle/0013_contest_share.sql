CREATE TABLE `contest_links` (
	`code` text PRIMARY KEY NOT NULL,
	`contest_id` text NOT NULL,
	`commune_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contest_links_contest_id_unique` ON `contest_links` (`contest_id`);--> statement-breakpoint
CREATE TABLE `contest_recovery` (
	`participant_id` text PRIMARY KEY NOT NULL,
	`contest_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`participant_id`) REFERENCES `contest_participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contest_recovery_contest_idx` ON `contest_recovery` (`contest_id`);
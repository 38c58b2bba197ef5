CREATE TABLE `kiosks` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text NOT NULL,
	`name` text NOT NULL,
	`village_id` text,
	`school_id` text,
	`idle_seconds` integer DEFAULT 90 NOT NULL,
	`pairing_code_hash` text,
	`pairing_expires_at` integer,
	`device_token_hash` text,
	`paired_at` integer,
	`revoked_at` integer,
	`last_seen_at` integer,
	`events_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `kiosks_commune_idx` ON `kiosks` (`commune_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `kiosks_pairing_uq` ON `kiosks` (`pairing_code_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `kiosks_token_uq` ON `kiosks` (`device_token_hash`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`kiosk_id` text,
	`commune_id` text,
	`village_id` text,
	`school_id` text,
	`self_declared` integer DEFAULT false NOT NULL,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_commune_time_idx` ON `events` (`commune_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `events_village_time_idx` ON `events` (`village_id`,`occurred_at`);
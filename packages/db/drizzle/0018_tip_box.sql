CREATE TABLE `tip_key_wraps` (
	`commune_id` text NOT NULL,
	`holder` text NOT NULL,
	`wrapped` text NOT NULL,
	`provisional` integer DEFAULT false NOT NULL,
	`granted_by` text NOT NULL,
	`granted_on` text NOT NULL,
	PRIMARY KEY(`commune_id`, `holder`),
	FOREIGN KEY (`commune_id`) REFERENCES `tip_keys`(`commune_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tip_keys` (
	`commune_id` text PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`created_by` text NOT NULL,
	`created_on` text NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tip_messages` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tip_id` text NOT NULL,
	`kind` text NOT NULL,
	`ciphertext` text NOT NULL,
	`author_id` text,
	`written_on` text NOT NULL,
	FOREIGN KEY (`tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tip_messages_tip_idx` ON `tip_messages` (`tip_id`,`seq`);--> statement-breakpoint
CREATE TABLE `tips` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text NOT NULL,
	`village_id` text,
	`received_on` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`handed_to` text,
	`ciphertext` text NOT NULL,
	`lookup_hash` text NOT NULL,
	`changed_on` text NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tips_lookup_hash_unique` ON `tips` (`lookup_hash`);--> statement-breakpoint
CREATE INDEX `tips_commune_idx` ON `tips` (`commune_id`,`received_on`);
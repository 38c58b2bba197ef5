CREATE TABLE `commitment_campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text NOT NULL,
	`kind` text NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`legal_basis` text NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitment_campaigns_commune_year_idx` ON `commitment_campaigns` (`commune_id`,`year`);--> statement-breakpoint
CREATE TABLE `commitment_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`kind` text NOT NULL,
	`campaign_version` integer NOT NULL,
	`village_id` text,
	`school_id` text,
	`organization_id` text,
	`signer_name` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`members` integer,
	`phone` text,
	`guardian_name` text,
	`signature_kind` text NOT NULL,
	`signature` text,
	`consent_at` integer NOT NULL,
	`signed_at` integer NOT NULL,
	`channel` text NOT NULL,
	`kiosk_id` text,
	`status` text DEFAULT 'submitted' NOT NULL,
	`code` text NOT NULL,
	`payload_hash` text NOT NULL,
	`reviewer_id` text,
	`reviewed_at` integer,
	`reason` text,
	`duplicate_of_id` text,
	`purged_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `commitment_campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kiosk_id`) REFERENCES `kiosks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `commitment_entries_code_uq` ON `commitment_entries` (`code`);--> statement-breakpoint
CREATE INDEX `commitment_entries_campaign_village_idx` ON `commitment_entries` (`campaign_id`,`village_id`);--> statement-breakpoint
CREATE INDEX `commitment_entries_commune_idx` ON `commitment_entries` (`commune_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `commitment_settings` (
	`commune_id` text PRIMARY KEY NOT NULL,
	`retention_months` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);

CREATE TABLE `criteria_values` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text NOT NULL,
	`village_id` text NOT NULL,
	`period_key` text NOT NULL,
	`criterion_key` text NOT NULL,
	`value` integer NOT NULL,
	`note` text NOT NULL,
	`account_id` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `criteria_values_uq` ON `criteria_values` (`village_id`,`period_key`,`criterion_key`);--> statement-breakpoint
CREATE TABLE `recognition_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text NOT NULL,
	`village_id` text NOT NULL,
	`period_key` text NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`date` text NOT NULL,
	`certificate_number` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recognition_decisions_village_period_uq` ON `recognition_decisions` (`village_id`,`period_key`);--> statement-breakpoint
CREATE INDEX `recognition_decisions_commune_idx` ON `recognition_decisions` (`commune_id`,`date`);--> statement-breakpoint
CREATE TABLE `registry_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text NOT NULL,
	`village_id` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`period_key` text,
	`effective_on` text NOT NULL,
	`decision_id` text,
	`note` text,
	`account_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `registry_changes_village_idx` ON `registry_changes` (`village_id`,`at`);--> statement-breakpoint
CREATE INDEX `registry_changes_commune_idx` ON `registry_changes` (`commune_id`,`effective_on`);--> statement-breakpoint
CREATE TABLE `registry_criteria` (
	`id` text PRIMARY KEY NOT NULL,
	`province_id` text,
	`key` text NOT NULL,
	`label_vi` text NOT NULL,
	`label_en` text NOT NULL,
	`source` text NOT NULL,
	`computed_key` text,
	`target` integer,
	`max_count` integer,
	`basis` text DEFAULT '' NOT NULL,
	`to_check` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`province_id`) REFERENCES `provinces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `registry_criteria_province_idx` ON `registry_criteria` (`province_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `registry_villages` (
	`village_id` text PRIMARY KEY NOT NULL,
	`commune_id` text NOT NULL,
	`status` text NOT NULL,
	`period_key` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`village_id`) REFERENCES `villages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `registry_villages_commune_idx` ON `registry_villages` (`commune_id`);
CREATE TABLE `hotlines` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text,
	`scope` text NOT NULL,
	`label_vi` text NOT NULL,
	`label_en` text NOT NULL,
	`number` text NOT NULL,
	`note_vi` text,
	`note_en` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hotlines_scope_idx` ON `hotlines` (`scope`);--> statement-breakpoint
CREATE TABLE `lessons` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text,
	`scope` text NOT NULL,
	`slug` text NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`body` text NOT NULL,
	`topic` text NOT NULL,
	`audience` text NOT NULL,
	`law_version` text NOT NULL,
	`legal_basis` text NOT NULL,
	`sources` text NOT NULL,
	`reviewed_on` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`laws` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lessons_scope_slug_uq` ON `lessons` (`scope`,`slug`,`locale`);--> statement-breakpoint
CREATE INDEX `lessons_status_idx` ON `lessons` (`status`);--> statement-breakpoint
CREATE TABLE `posters` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text,
	`scope` text NOT NULL,
	`text_vi` text NOT NULL,
	`text_en` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `posters_scope_idx` ON `posters` (`scope`);--> statement-breakpoint
CREATE TABLE `questions` (
	`id` text PRIMARY KEY NOT NULL,
	`commune_id` text,
	`scope` text NOT NULL,
	`ref` text,
	`type` text NOT NULL,
	`topic` text NOT NULL,
	`difficulty` integer NOT NULL,
	`audience` text NOT NULL,
	`law_version` text NOT NULL,
	`legal_basis` text NOT NULL,
	`source` text,
	`correct` text NOT NULL,
	`vi` text NOT NULL,
	`en` text,
	`text_key` text NOT NULL,
	`reviewed_on` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`laws` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`commune_id`) REFERENCES `communes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questions_scope_text_uq` ON `questions` (`scope`,`text_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `questions_ref_uq` ON `questions` (`ref`);--> statement-breakpoint
CREATE INDEX `questions_topic_idx` ON `questions` (`topic`,`status`);
ALTER TABLE `questions` ADD `bank` text DEFAULT 'practice' NOT NULL;--> statement-breakpoint
ALTER TABLE `questions` ADD `contest_id` text REFERENCES contests(id);--> statement-breakpoint
ALTER TABLE `questions` ADD `exclusion_group` text;--> statement-breakpoint
ALTER TABLE `questions` ADD `released_at` integer;--> statement-breakpoint
ALTER TABLE `questions` ADD `shipped_hash` text;--> statement-breakpoint
CREATE INDEX `questions_bank_idx` ON `questions` (`bank`,`scope`,`status`);
ALTER TABLE `recognition_decisions` ADD `override_reason` text;--> statement-breakpoint
ALTER TABLE `recognition_decisions` ADD `override_criteria` text;
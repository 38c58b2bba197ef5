-- A round's counts for the console and the reports read indexes, not the attempts (each row carries its questions):
-- with the deadline in the round's index its open attempts are counted from the index alone, and the few flagged
-- attempts have a partial index of their own.
DROP INDEX `contest_attempts_round_idx`;--> statement-breakpoint
CREATE INDEX `contest_attempts_round_idx` ON `contest_attempts` (`round_id`,`submitted_at`,`deadline_at`);--> statement-breakpoint
CREATE INDEX `contest_attempts_flagged_idx` ON `contest_attempts` (`round_id`) WHERE `flagged` = 1;

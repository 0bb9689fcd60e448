ALTER TABLE `mail_outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `next_attempt_at` text;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `claimed_at` text;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `claim_token` text;--> statement-breakpoint
CREATE INDEX `mail_outbox_status_next_idx` ON `mail_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
-- Mails a previous version left 'queued' (it wrote the row, then sent inline; a crash or a failed
-- update left them so): weeks-old password links or decisions must not all leave at once with the
-- new sender job. They are marked failed with the reason; the desk may send one again.
UPDATE `mail_outbox` SET `status` = 'failed', `error` = 'left queued by an earlier version: not sent automatically, send it again from /admin/messages if still needed' WHERE `status` = 'queued';

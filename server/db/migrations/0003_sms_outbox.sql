CREATE TABLE `job_lease` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sms_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`site_id` text NOT NULL,
	`family_id` text,
	`to` text NOT NULL,
	`text` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`message_id` text,
	`error` text,
	`sent_at` text,
	`delivered_at` text,
	FOREIGN KEY (`site_id`) REFERENCES `site`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`family_id`) REFERENCES `family`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_outbox_dedupe_key_unique` ON `sms_outbox` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `sms_outbox_status_next_idx` ON `sms_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `sms_outbox_message_idx` ON `sms_outbox` (`message_id`);--> statement-breakpoint
CREATE INDEX `sms_outbox_site_created_idx` ON `sms_outbox` (`site_id`,`created_at`);
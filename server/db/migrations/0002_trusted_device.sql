CREATE TABLE `trusted_device` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_sign_in_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trusted_device_token_user_idx` ON `trusted_device` (`token_hash`,`user_id`);--> statement-breakpoint
CREATE INDEX `trusted_device_user_idx` ON `trusted_device` (`user_id`);--> statement-breakpoint
ALTER TABLE `sign_in_failure` ADD `device_id` text;--> statement-breakpoint
CREATE INDEX `sign_in_failure_device_idx` ON `sign_in_failure` (`device_id`,`at`);
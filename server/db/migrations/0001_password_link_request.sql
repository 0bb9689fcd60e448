CREATE TABLE `password_link_request` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text,
	`ip` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `password_link_request_user_idx` ON `password_link_request` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `password_link_request_ip_idx` ON `password_link_request` (`ip`,`at`);
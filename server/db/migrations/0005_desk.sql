CREATE TABLE `waiting_list` (
	`id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	`student_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`student_id`) REFERENCES `student`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waiting_list_course_student_uq` ON `waiting_list` (`course_id`,`student_id`);--> statement-breakpoint
CREATE TABLE `rate_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_event_kind_key_idx` ON `rate_event` (`kind`,`key`,`at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_pre_registration` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`reference` text NOT NULL,
	`data` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`last_name` text DEFAULT '' NOT NULL,
	`postal_code` text DEFAULT '' NOT NULL,
	`refuse_reason` text,
	`decided_at` text,
	`decided_by` text,
	`family_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `site`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_pre_registration`("id", "site_id", "reference", "data", "status", "created_at") SELECT "id", "site_id", 'PI-' || upper(substr("id", 1, 8)), "data", CASE "status" WHEN 'received' THEN 'new' ELSE "status" END, "created_at" FROM `pre_registration`;--> statement-breakpoint
DROP TABLE `pre_registration`;--> statement-breakpoint
ALTER TABLE `__new_pre_registration` RENAME TO `pre_registration`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `pre_registration_reference_unique` ON `pre_registration` (`reference`);--> statement-breakpoint
CREATE INDEX `pre_registration_site_idx` ON `pre_registration` (`site_id`,`status`,`created_at`);--> statement-breakpoint
ALTER TABLE `user` ADD `disabled` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `teacher` ADD `email` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `teacher` ADD `disciplines` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `course` ADD `capacity` integer;--> statement-breakpoint
ALTER TABLE `course` ADD `closed` integer DEFAULT false NOT NULL;
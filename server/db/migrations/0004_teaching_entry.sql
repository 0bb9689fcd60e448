CREATE TABLE `roll_call` (
	`id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	`date` text NOT NULL,
	`teacher_id` text,
	`taken_at` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`teacher_id`) REFERENCES `teacher`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roll_call_course_date_uq` ON `roll_call` (`course_id`,`date`);--> statement-breakpoint
CREATE TABLE `teacher_absence` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`teacher_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`declared_by` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`withdrawn` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `site`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`teacher_id`) REFERENCES `teacher`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `teacher_absence_teacher_idx` ON `teacher_absence` (`teacher_id`,`end_date`);--> statement-breakpoint
DROP INDEX `absence_enrollment_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `absence_enrollment_date_uq` ON `absence` (`enrollment_id`,`date`);--> statement-breakpoint
ALTER TABLE `course` ADD `start_date` text;--> statement-breakpoint
ALTER TABLE `course` ADD `end_date` text;--> statement-breakpoint
ALTER TABLE `evaluation` ADD `batch_id` text;--> statement-breakpoint
CREATE INDEX `evaluation_batch_idx` ON `evaluation` (`batch_id`);--> statement-breakpoint
ALTER TABLE `repertoire_entry` ADD `teacher_id` text REFERENCES teacher(id);
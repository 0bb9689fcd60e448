CREATE TABLE `absence_notice` (
	`id` text PRIMARY KEY NOT NULL,
	`enrollment_id` text NOT NULL,
	`family_id` text NOT NULL,
	`date` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`withdrawn` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`enrollment_id`) REFERENCES `enrollment`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`family_id`) REFERENCES `family`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `absence_notice_enrollment_date_uq` ON `absence_notice` (`enrollment_id`,`date`);--> statement-breakpoint
CREATE INDEX `absence_notice_family_idx` ON `absence_notice` (`family_id`);--> statement-breakpoint
CREATE TABLE `course_event` (
	`id` text PRIMARY KEY NOT NULL,
	`course_id` text NOT NULL,
	`site_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text,
	`duration_minutes` integer,
	`place` text DEFAULT '' NOT NULL,
	`cancelled` integer DEFAULT false NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `course`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `site`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `course_event_course_idx` ON `course_event` (`course_id`,`date`);--> statement-breakpoint
CREATE INDEX `course_event_site_idx` ON `course_event` (`site_id`,`date`);--> statement-breakpoint
CREATE TABLE `calendar_feed` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feed_token_hash_unique` ON `calendar_feed` (`token_hash`);--> statement-breakpoint
CREATE INDEX `calendar_feed_user_idx` ON `calendar_feed` (`user_id`);--> statement-breakpoint
CREATE TABLE `consent_answer` (
	`id` text PRIMARY KEY NOT NULL,
	`consent_kind_id` text NOT NULL,
	`family_id` text NOT NULL,
	`student_id` text,
	`wording_version` integer NOT NULL,
	`given` integer NOT NULL,
	`answered_by` text NOT NULL,
	`answered_at` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`consent_kind_id`) REFERENCES `consent_kind`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`family_id`) REFERENCES `family`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`student_id`) REFERENCES `student`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_answer_family_idx` ON `consent_answer` (`family_id`,`consent_kind_id`);--> statement-breakpoint
CREATE TABLE `consent_kind` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`code` text NOT NULL,
	`scope` text NOT NULL,
	`wording_fr` text NOT NULL,
	`wording_en` text DEFAULT '' NOT NULL,
	`wording_version` integer DEFAULT 1 NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `site`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_kind_site_code_uq` ON `consent_kind` (`site_id`,`code`);--> statement-breakpoint
CREATE TABLE `reenrolment_answer` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`family_id` text NOT NULL,
	`student_id` text NOT NULL,
	`choice` text NOT NULL,
	`wish` text DEFAULT '' NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`answered_by` text NOT NULL,
	`answered_at` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `reenrolment_campaign`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`family_id`) REFERENCES `family`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`student_id`) REFERENCES `student`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reenrolment_answer_campaign_student_uq` ON `reenrolment_answer` (`campaign_id`,`student_id`);--> statement-breakpoint
CREATE INDEX `reenrolment_answer_family_idx` ON `reenrolment_answer` (`family_id`);--> statement-breakpoint
CREATE TABLE `reenrolment_campaign` (
	`id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`school_year` text NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `site`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reenrolment_campaign_site_year_uq` ON `reenrolment_campaign` (`site_id`,`school_year`);--> statement-breakpoint
CREATE TABLE `reenrolment_confirmation` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`family_id` text NOT NULL,
	`confirmed_by` text NOT NULL,
	`confirmed_at` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `reenrolment_campaign`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`family_id`) REFERENCES `family`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reenrolment_confirmation_campaign_family_uq` ON `reenrolment_confirmation` (`campaign_id`,`family_id`);--> statement-breakpoint
CREATE INDEX `reenrolment_confirmation_family_idx` ON `reenrolment_confirmation` (`family_id`);--> statement-breakpoint
ALTER TABLE `student` ADD `emergency_contacts` text DEFAULT '[]' NOT NULL;
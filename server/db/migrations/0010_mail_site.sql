ALTER TABLE `mail_outbox` ADD `site_id` text REFERENCES site(id);--> statement-breakpoint
CREATE INDEX `mail_outbox_site_created_idx` ON `mail_outbox` (`site_id`,`created_at`);
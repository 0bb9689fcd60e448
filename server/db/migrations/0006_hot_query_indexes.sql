CREATE INDEX `user_site_family_idx` ON `user` (`site_id`,`family_id`);--> statement-breakpoint
CREATE INDEX `payfip_attempt_family_idx` ON `payfip_attempt` (`family_id`);--> statement-breakpoint
CREATE INDEX `change_request_target_idx` ON `change_request` (`target_id`,`status`);
CREATE TABLE `family_search` (
	`family_id` text PRIMARY KEY NOT NULL,
	`site_id` text NOT NULL,
	`sort_key` text,
	`search_key` text
);
--> statement-breakpoint
CREATE INDEX `family_search_site_sort_idx` ON `family_search` (`site_id`,`sort_key`);--> statement-breakpoint
CREATE INDEX `family_search_stale_idx` ON `family_search` (`site_id`) WHERE "family_search"."search_key" IS NULL;--> statement-breakpoint
CREATE INDEX `discount_invoice_idx` ON `discount` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `payment_invoice_idx` ON `payment` (`invoice_id`);--> statement-breakpoint
-- Hand-written (drizzle-kit has no triggers): the search row follows its family, and any write to
-- a searched field blanks the key (stale) whatever code made it; server/families/search-key.ts
-- computes it again (accents need JavaScript's normalize, which SQLite lacks).
CREATE TRIGGER `family_search_family_insert` AFTER INSERT ON `family` BEGIN
  INSERT OR REPLACE INTO `family_search` (`family_id`, `site_id`) VALUES (new.`id`, new.`site_id`);
END;--> statement-breakpoint
CREATE TRIGGER `family_search_family_update` AFTER UPDATE OF `last_name`, `first_name`, `email`, `city`, `site_id` ON `family`
WHEN old.`last_name` IS NOT new.`last_name` OR old.`first_name` IS NOT new.`first_name` OR old.`email` IS NOT new.`email`
  OR old.`city` IS NOT new.`city` OR old.`site_id` IS NOT new.`site_id` BEGIN
  UPDATE `family_search` SET `site_id` = new.`site_id`, `sort_key` = NULL, `search_key` = NULL WHERE `family_id` = new.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `family_search_family_delete` AFTER DELETE ON `family` BEGIN
  DELETE FROM `family_search` WHERE `family_id` = old.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `family_search_student_insert` AFTER INSERT ON `student` BEGIN
  UPDATE `family_search` SET `search_key` = NULL WHERE `family_id` = new.`family_id`;
END;--> statement-breakpoint
CREATE TRIGGER `family_search_student_update` AFTER UPDATE OF `last_name`, `first_name`, `family_id` ON `student`
WHEN old.`last_name` IS NOT new.`last_name` OR old.`first_name` IS NOT new.`first_name` OR old.`family_id` IS NOT new.`family_id` BEGIN
  UPDATE `family_search` SET `search_key` = NULL WHERE `family_id` IN (old.`family_id`, new.`family_id`);
END;--> statement-breakpoint
CREATE TRIGGER `family_search_student_delete` AFTER DELETE ON `student` BEGIN
  UPDATE `family_search` SET `search_key` = NULL WHERE `family_id` = old.`family_id`;
END;--> statement-breakpoint
CREATE TRIGGER `family_search_user_insert` AFTER INSERT ON `user` WHEN new.`family_id` IS NOT NULL BEGIN
  UPDATE `family_search` SET `search_key` = NULL WHERE `family_id` = new.`family_id`;
END;--> statement-breakpoint
CREATE TRIGGER `family_search_user_update` AFTER UPDATE OF `username`, `family_id` ON `user`
WHEN old.`username` IS NOT new.`username` OR old.`family_id` IS NOT new.`family_id` BEGIN
  UPDATE `family_search` SET `search_key` = NULL WHERE `family_id` IN (old.`family_id`, new.`family_id`);
END;--> statement-breakpoint
CREATE TRIGGER `family_search_user_delete` AFTER DELETE ON `user` WHEN old.`family_id` IS NOT NULL BEGIN
  UPDATE `family_search` SET `search_key` = NULL WHERE `family_id` = old.`family_id`;
END;--> statement-breakpoint
-- The families already there: rows with stale keys, which the server computes at start.
INSERT INTO `family_search` (`family_id`, `site_id`) SELECT `id`, `site_id` FROM `family`;

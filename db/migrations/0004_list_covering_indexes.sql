-- The pledge list at national scale: its indexes hold every pledge-level filter column (date, donor, form, channel,
-- amounts, overdue date), so that a page walks one index in its sort order and tests each pledge without reading it,
-- and the totals of a status are summed from an index. voided_at rides along (NULL in the live ones) so that the
-- planner sees them as covering.
DROP INDEX `pledges_live_pledged_on_idx`;--> statement-breakpoint
CREATE INDEX `pledges_live_pledged_on_idx` ON `pledges` (`pledged_on`,`id`,`donor_id`,`form`,`channel`,`amount_fen`,`received_fen`,`overdue_on`,`voided_at`) WHERE voided_at IS NULL;--> statement-breakpoint
DROP INDEX `pledges_live_amount_idx`;--> statement-breakpoint
CREATE INDEX `pledges_live_amount_idx` ON `pledges` (`amount_fen`,`id`,`pledged_on`,`donor_id`,`form`,`channel`,`received_fen`,`overdue_on`,`voided_at`) WHERE voided_at IS NULL;--> statement-breakpoint
DROP INDEX `pledges_live_received_idx`;--> statement-breakpoint
CREATE INDEX `pledges_live_received_idx` ON `pledges` (`received_fen`,`id`,`pledged_on`,`donor_id`,`form`,`channel`,`amount_fen`,`overdue_on`,`voided_at`) WHERE voided_at IS NULL;--> statement-breakpoint
DROP INDEX `pledges_overdue_idx`;--> statement-breakpoint
CREATE INDEX `pledges_overdue_idx` ON `pledges` (`overdue_on`,`id`,`pledged_on`,`donor_id`,`form`,`channel`,`amount_fen`,`received_fen`,`voided_at`) WHERE voided_at IS NULL AND received_fen < amount_fen;--> statement-breakpoint
DROP INDEX `pledges_donor_idx`;--> statement-breakpoint
CREATE INDEX `pledges_donor_idx` ON `pledges` (`donor_id`,`voided_at`,`id`,`pledged_on`,`form`,`channel`,`amount_fen`,`received_fen`,`overdue_on`);--> statement-breakpoint
CREATE INDEX `pledges_voided_idx` ON `pledges` (`pledged_on`,`id`,`donor_id`,`form`,`channel`,`amount_fen`,`received_fen`,`overdue_on`,`voided_at`) WHERE voided_at IS NOT NULL;--> statement-breakpoint
DROP INDEX `allocations_pledge_idx`;--> statement-breakpoint
CREATE INDEX `allocations_pledge_idx` ON `allocations` (`pledge_id`,`category_code`,`place_id`);--> statement-breakpoint
DROP INDEX `allocations_place_idx`;--> statement-breakpoint
CREATE INDEX `allocations_place_idx` ON `allocations` (`place_id`,`pledge_id`,`category_code`);
--> statement-breakpoint
-- The list's text search: a trigram index of each pledge's project name and note, ASCII lower-cased as LIKE compares
-- them (so that a match is exactly a LIKE '%…%' match), each followed by two separators so that every string of one
-- or two characters begins some trigram (found through pledge_text_terms). Kept by triggers; contentless.
CREATE VIRTUAL TABLE `pledge_text` USING fts5(body, content='', contentless_delete=1, tokenize='trigram case_sensitive 1');--> statement-breakpoint
CREATE VIRTUAL TABLE `pledge_text_terms` USING fts5vocab(pledge_text, 'row');--> statement-breakpoint
CREATE TRIGGER `pledge_text_insert` AFTER INSERT ON `pledges` BEGIN
  INSERT INTO pledge_text (rowid, body) VALUES (new.id, lower(coalesce(new.project_name, '')) || char(1, 1) || lower(coalesce(new.note, '')) || char(1, 1));
END;--> statement-breakpoint
CREATE TRIGGER `pledge_text_update` AFTER UPDATE OF project_name, note ON `pledges` BEGIN
  DELETE FROM pledge_text WHERE rowid = old.id;
  INSERT INTO pledge_text (rowid, body) VALUES (new.id, lower(coalesce(new.project_name, '')) || char(1, 1) || lower(coalesce(new.note, '')) || char(1, 1));
END;--> statement-breakpoint
CREATE TRIGGER `pledge_text_delete` AFTER DELETE ON `pledges` BEGIN
  DELETE FROM pledge_text WHERE rowid = old.id;
END;--> statement-breakpoint
INSERT INTO pledge_text (rowid, body) SELECT id, lower(coalesce(project_name, '')) || char(1, 1) || lower(coalesce(note, '')) || char(1, 1) FROM pledges;

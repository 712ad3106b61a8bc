ALTER TABLE `pledges` ADD `overdue_on` text;--> statement-breakpoint
CREATE INDEX `pledges_live_pledged_on_idx` ON `pledges` (`pledged_on`,`id`) WHERE voided_at IS NULL;--> statement-breakpoint
CREATE INDEX `pledges_live_amount_idx` ON `pledges` (`amount_fen`,`id`) WHERE voided_at IS NULL;--> statement-breakpoint
CREATE INDEX `pledges_live_received_idx` ON `pledges` (`received_fen`,`id`) WHERE voided_at IS NULL;--> statement-breakpoint
CREATE INDEX `pledges_overdue_idx` ON `pledges` (`overdue_on`,`id`) WHERE voided_at IS NULL AND received_fen < amount_fen;--> statement-breakpoint
CREATE INDEX `donors_sort_name_idx` ON `donors` (coalesce("name_zh", "name"),`id`);--> statement-breakpoint
-- Backfill of overdue_on for the pledges already recorded (the same expression as overdueOnSql in db/queries/status.ts).
UPDATE `pledges` SET `overdue_on` = (
  SELECT min(coalesce(pledges.due_on, first_short), coalesce(first_short, pledges.due_on)) FROM (
    SELECT (SELECT min(due_on) FROM (
      SELECT i.due_on AS due_on, sum(i.amount_fen) OVER (ORDER BY i.due_on) AS cumulative FROM instalments i WHERE i.pledge_id = pledges.id
    ) WHERE cumulative > pledges.received_fen) AS first_short
  )
);

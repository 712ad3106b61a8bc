-- The live pledges not yet fulfilled (less received than pledged), counted and summed per overdue date ('' for a pledge
-- without a due date or instalments) and by whether anything was received: what the list's overdue, partly received,
-- pledged and fulfilled totals read (a few thousand rows, one per day) instead of every such pledge. Kept by triggers
-- in the changing transaction, whoever writes (the server, its writer thread, an import, a CLI). Pledges are never
-- deleted (pledges_no_delete), so no trigger for that.
CREATE TABLE `unfulfilled_totals` (
	`overdue_on` text NOT NULL,
	`partly` integer NOT NULL,
	`pledges` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`received_fen` integer NOT NULL,
	PRIMARY KEY (`overdue_on`, `partly`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `unfulfilled_totals` (`overdue_on`, `partly`, `pledges`, `amount_fen`, `received_fen`)
  SELECT coalesce(`overdue_on`, ''), `received_fen` > 0, count(*), sum(`amount_fen`), sum(`received_fen`)
  FROM `pledges` WHERE `voided_at` IS NULL AND `received_fen` < `amount_fen`
  GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER `unfulfilled_totals_insert` AFTER INSERT ON `pledges`
  WHEN new.`voided_at` IS NULL AND new.`received_fen` < new.`amount_fen`
BEGIN
  INSERT INTO `unfulfilled_totals` (`overdue_on`, `partly`, `pledges`, `amount_fen`, `received_fen`)
    VALUES (coalesce(new.`overdue_on`, ''), new.`received_fen` > 0, 1, new.`amount_fen`, new.`received_fen`)
    ON CONFLICT (`overdue_on`, `partly`) DO UPDATE SET `pledges` = `pledges` + 1,
      `amount_fen` = `amount_fen` + excluded.`amount_fen`, `received_fen` = `received_fen` + excluded.`received_fen`;
END;
--> statement-breakpoint
-- the pledge as it was taken out, as it is put in; a row left with no pledge is dropped
CREATE TRIGGER `unfulfilled_totals_update` AFTER UPDATE OF `voided_at`, `amount_fen`, `received_fen`, `overdue_on` ON `pledges`
BEGIN
  UPDATE `unfulfilled_totals` SET `pledges` = `pledges` - 1,
      `amount_fen` = `amount_fen` - old.`amount_fen`, `received_fen` = `received_fen` - old.`received_fen`
    WHERE old.`voided_at` IS NULL AND old.`received_fen` < old.`amount_fen`
      AND `overdue_on` = coalesce(old.`overdue_on`, '') AND `partly` = (old.`received_fen` > 0);
  INSERT INTO `unfulfilled_totals` (`overdue_on`, `partly`, `pledges`, `amount_fen`, `received_fen`)
    SELECT coalesce(new.`overdue_on`, ''), new.`received_fen` > 0, 1, new.`amount_fen`, new.`received_fen`
    WHERE new.`voided_at` IS NULL AND new.`received_fen` < new.`amount_fen`
    ON CONFLICT (`overdue_on`, `partly`) DO UPDATE SET `pledges` = `pledges` + 1,
      `amount_fen` = `amount_fen` + excluded.`amount_fen`, `received_fen` = `received_fen` + excluded.`received_fen`;
  DELETE FROM `unfulfilled_totals` WHERE `pledges` = 0 AND `overdue_on` = coalesce(old.`overdue_on`, '') AND `partly` = (old.`received_fen` > 0);
END;

-- A counter of changes to the directory (places and donors), moved by triggers in the changing transaction, whoever
-- writes (the server, its writer thread, a CLI, an import): what lets a process keep their names in memory and know,
-- by one read, when it must read them again.
CREATE TABLE `directory_changes` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`n` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `directory_changes` (`id`, `n`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `places_changed_insert` AFTER INSERT ON `places` BEGIN
  UPDATE `directory_changes` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `places_changed_update` AFTER UPDATE ON `places` BEGIN
  UPDATE `directory_changes` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `places_changed_delete` AFTER DELETE ON `places` BEGIN
  UPDATE `directory_changes` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `donors_changed_insert` AFTER INSERT ON `donors` BEGIN
  UPDATE `directory_changes` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `donors_changed_update` AFTER UPDATE ON `donors` BEGIN
  UPDATE `directory_changes` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `donors_changed_delete` AFTER DELETE ON `donors` BEGIN
  UPDATE `directory_changes` SET `n` = `n` + 1 WHERE `id` = 1;
END;

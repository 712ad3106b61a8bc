CREATE TABLE `import_mappings` (
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`mapping_json` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `import_rows` (
	`import_id` integer NOT NULL,
	`row_number` integer NOT NULL,
	`cells_json` text NOT NULL,
	`status` text,
	`issues_json` text,
	`payload_json` text,
	`dup_key` text,
	`amount_fen` integer,
	`excluded` integer DEFAULT false NOT NULL,
	`result_id` integer,
	PRIMARY KEY(`import_id`, `row_number`),
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_rows_status_idx` ON `import_rows` (`import_id`,`status`);--> statement-breakpoint
CREATE INDEX `import_rows_dup_idx` ON `import_rows` (`import_id`,`dup_key`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`file_type` text NOT NULL,
	`encoding` text,
	`sha256` text NOT NULL,
	`sheet_name` text,
	`status` text NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`header_row` integer,
	`headers_json` text DEFAULT '[]' NOT NULL,
	`mapping_json` text DEFAULT '[]' NOT NULL,
	`row_count` integer DEFAULT 0 NOT NULL,
	`error_key` text,
	`error_values_json` text,
	`result_json` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`committed_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "imports_kind_check" CHECK("imports"."kind" in ('pledges','receipts')),
	CONSTRAINT "imports_status_check" CHECK("imports"."status" in ('parsing','validating','ready','committed','failed'))
);
--> statement-breakpoint
CREATE INDEX `imports_user_idx` ON `imports` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `imports_sha_idx` ON `imports` (`sha256`);--> statement-breakpoint
CREATE UNIQUE INDEX `imports_sha_committed_unique` ON `imports` (`sha256`) WHERE "imports"."status" = 'committed';
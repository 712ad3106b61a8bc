CREATE TABLE `allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pledge_id` integer NOT NULL,
	`place_id` integer NOT NULL,
	`category_code` text NOT NULL,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`pledge_id`) REFERENCES `pledges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_code`) REFERENCES `categories`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "allocations_amount_check" CHECK("allocations"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE INDEX `allocations_pledge_idx` ON `allocations` (`pledge_id`);--> statement-breakpoint
CREATE INDEX `allocations_place_idx` ON `allocations` (`place_id`);--> statement-breakpoint
CREATE INDEX `allocations_category_idx` ON `allocations` (`category_code`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`before_json` text,
	`after_json` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_user_idx` ON `audit_log` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `categories` (
	`code` text PRIMARY KEY NOT NULL,
	`name_zh` text NOT NULL,
	`name_en` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `donors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text,
	`name` text,
	`name_zh` text,
	`type` text NOT NULL,
	`contact_person` text,
	`phone` text,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "donors_has_name" CHECK(coalesce("donors"."name", "donors"."name_zh") is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `donors_code_unique` ON `donors` (`code`);--> statement-breakpoint
CREATE INDEX `donors_type_idx` ON `donors` (`type`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`key` text NOT NULL,
	`user_id` integer NOT NULL,
	`route` text NOT NULL,
	`status_code` integer NOT NULL,
	`response_json` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `instalments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pledge_id` integer NOT NULL,
	`due_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`pledge_id`) REFERENCES `pledges`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "instalments_amount_check" CHECK("instalments"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE INDEX `instalments_pledge_idx` ON `instalments` (`pledge_id`,`due_on`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`first_failure_at` text NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
CREATE TABLE `places` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text,
	`name` text,
	`name_zh` text,
	`level` text NOT NULL,
	`parent_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "places_level_check" CHECK("places"."level" in ('county','town','village')),
	CONSTRAINT "places_has_name" CHECK(coalesce("places"."name", "places"."name_zh") is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `places_code_unique` ON `places` (`code`);--> statement-breakpoint
CREATE INDEX `places_parent_idx` ON `places` (`parent_id`);--> statement-breakpoint
CREATE TABLE `pledges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`donor_id` integer NOT NULL,
	`form` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`received_fen` integer DEFAULT 0 NOT NULL,
	`pledged_on` text NOT NULL,
	`due_on` text,
	`channel` text NOT NULL,
	`project_name` text,
	`note` text,
	`beneficiaries` integer,
	`jobs` integer,
	`people_trained` integer,
	`voided_at` text,
	`voided_by` integer,
	`void_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`donor_id`) REFERENCES `donors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pledges_amount_check" CHECK("pledges"."amount_fen" >= 0),
	CONSTRAINT "pledges_form_check" CHECK("pledges"."form" in ('cash','in_kind','purchase','training')),
	CONSTRAINT "pledges_channel_check" CHECK("pledges"."channel" in ('direct','coordinated'))
);
--> statement-breakpoint
CREATE INDEX `pledges_donor_idx` ON `pledges` (`donor_id`);--> statement-breakpoint
CREATE INDEX `pledges_pledged_on_idx` ON `pledges` (`pledged_on`,`id`);--> statement-breakpoint
CREATE TABLE `receipt_allocations` (
	`receipt_id` integer NOT NULL,
	`allocation_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	PRIMARY KEY(`receipt_id`, `allocation_id`),
	FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`allocation_id`) REFERENCES `allocations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `receipt_alloc_allocation_idx` ON `receipt_allocations` (`allocation_id`);--> statement-breakpoint
CREATE TABLE `receipts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pledge_id` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`received_on` text NOT NULL,
	`form` text NOT NULL,
	`reference` text,
	`note` text,
	`over_receipt` integer DEFAULT false NOT NULL,
	`confirmed_by` text,
	`confirmed_on` text,
	`voided_at` text,
	`voided_by` integer,
	`void_reason` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`pledge_id`) REFERENCES `pledges`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`voided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "receipts_amount_check" CHECK("receipts"."amount_fen" > 0),
	CONSTRAINT "receipts_form_check" CHECK("receipts"."form" in ('transfer','materials','purchase_settled'))
);
--> statement-breakpoint
CREATE INDEX `receipts_pledge_idx` ON `receipts` (`pledge_id`);--> statement-breakpoint
CREATE INDEX `receipts_received_on_idx` ON `receipts` (`received_on`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`disabled_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "users_role_check" CHECK("users"."role" in ('admin','coordinator','viewer'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (lower("username"));--> statement-breakpoint
CREATE TABLE `year_closes` (
	`year` integer PRIMARY KEY NOT NULL,
	`closed_at` text NOT NULL,
	`closed_by` integer,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);

-- The eight assistance categories of the reference program (codes as in the Wangmo 2020 data).
INSERT INTO `categories` (`code`, `name_zh`, `name_en`, `sort_order`) VALUES
  ('industry', '产业帮扶', 'Industry', 1),
  ('consumption', '消费帮扶', 'Consumption (farm-product sales)', 2),
  ('education', '教育帮扶', 'Education', 3),
  ('health', '医疗健康帮扶', 'Health and medical', 4),
  ('party_building', '党建帮扶', 'Party building', 5),
  ('infrastructure', '基础设施与村容村貌', 'Infrastructure and village appearance', 6),
  ('epidemic', '疫情防控', 'Epidemic prevention', 7),
  ('training', '干部人才培训', 'Training of cadres and technicians', 8);
--> statement-breakpoint
-- The audit trail is append-only: the database itself refuses to change or remove an entry.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
-- Money records are voided, never deleted.
CREATE TRIGGER `pledges_no_delete` BEFORE DELETE ON `pledges`
BEGIN
  SELECT RAISE(ABORT, 'pledges are voided, never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `receipts_no_delete` BEFORE DELETE ON `receipts`
BEGIN
  SELECT RAISE(ABORT, 'receipts are voided, never deleted');
END;

CREATE TABLE "deconfliction_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"person_threshold" real DEFAULT 0.85 NOT NULL,
	"event_buffer_m" integer DEFAULT 500 NOT NULL,
	"event_buffer_minutes" integer DEFAULT 30 NOT NULL,
	"escalation_hours" integer DEFAULT 2 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deconfliction_settings_single_row" CHECK ("deconfliction_settings"."id" = 1),
	CONSTRAINT "deconfliction_settings_threshold" CHECK ("deconfliction_settings"."person_threshold" > 0 AND "deconfliction_settings"."person_threshold" <= 1),
	CONSTRAINT "deconfliction_settings_buffers" CHECK ("deconfliction_settings"."event_buffer_m" BETWEEN 0 AND 50000 AND "deconfliction_settings"."event_buffer_minutes" BETWEEN 0 AND 1440),
	CONSTRAINT "deconfliction_settings_escalation" CHECK ("deconfliction_settings"."escalation_hours" BETWEEN 1 AND 168)
);
--> statement-breakpoint
CREATE TABLE "hits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"identifier_kind" text,
	"action_kinds" text[],
	"score" real NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"a_target_id" uuid,
	"a_action_id" uuid,
	"a_operation_id" uuid NOT NULL,
	"a_officer_id" text NOT NULL,
	"a_registered_at" timestamp with time zone NOT NULL,
	"b_target_id" uuid,
	"b_action_id" uuid,
	"b_operation_id" uuid NOT NULL,
	"b_officer_id" text NOT NULL,
	"b_registered_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"outcome" text,
	"resolution_note" text,
	"acknowledged_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hits_kind_known" CHECK ("hits"."kind" IN ('target', 'event')),
	CONSTRAINT "hits_status_known" CHECK ("hits"."status" IN ('new', 'acknowledged', 'in_contact', 'resolved')),
	CONSTRAINT "hits_outcome_known" CHECK ("hits"."outcome" IS NULL OR "hits"."outcome" IN ('coordinated', 'no_conflict', 'joint_action', 'deferred')),
	CONSTRAINT "hits_resolved_shape" CHECK (("hits"."status" = 'resolved') = ("hits"."outcome" IS NOT NULL)),
	CONSTRAINT "hits_sides_shape" CHECK (("hits"."kind" = 'target' AND "hits"."a_target_id" IS NOT NULL AND "hits"."b_target_id" IS NOT NULL AND "hits"."a_action_id" IS NULL AND "hits"."b_action_id" IS NULL)
        OR ("hits"."kind" = 'event' AND "hits"."a_action_id" IS NOT NULL AND "hits"."b_action_id" IS NOT NULL AND "hits"."a_target_id" IS NULL AND "hits"."b_target_id" IS NULL)),
	CONSTRAINT "hits_two_operations" CHECK ("hits"."a_operation_id" <> "hits"."b_operation_id")
);
--> statement-breakpoint
CREATE TABLE "planned_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"task_id" uuid,
	"kind" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"radius_m" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"registered_by" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planned_actions_kind_known" CHECK ("planned_actions"."kind" IN ('raid', 'arrest', 'search', 'surveillance', 'controlled_delivery', 'interview', 'undercover_meeting')),
	CONSTRAINT "planned_actions_place" CHECK ("planned_actions"."lat" BETWEEN -90 AND 90 AND "planned_actions"."lon" BETWEEN -180 AND 180 AND "planned_actions"."radius_m" BETWEEN 1 AND 100000),
	CONSTRAINT "planned_actions_window" CHECK ("planned_actions"."starts_at" < "planned_actions"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "target_keys" (
	"target_id" uuid NOT NULL,
	"operation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key_type" text NOT NULL,
	"digest" text NOT NULL,
	CONSTRAINT "target_keys_key_type_known" CHECK ("target_keys"."key_type" IN ('exact', 'block'))
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"raw" jsonb NOT NULL,
	"display" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"handling_code" text DEFAULT 'H0' NOT NULL,
	"person_profile" jsonb,
	"registered_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_kind_known" CHECK ("targets"."kind" IN ('person', 'phone', 'imei', 'imsi', 'email', 'iban', 'bank_account', 'crypto_wallet', 'vehicle_plate', 'vin', 'document', 'company', 'address', 'online_account', 'ip_address')),
	CONSTRAINT "targets_handling_code_known" CHECK ("targets"."handling_code" IN ('H0', 'H1', 'H2', 'H3')),
	CONSTRAINT "targets_note_length" CHECK (char_length("targets"."note") <= 2000),
	CONSTRAINT "targets_person_profile" CHECK (("targets"."kind" = 'person') = ("targets"."person_profile" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "deconfliction_settings" ADD CONSTRAINT "deconfliction_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hits" ADD CONSTRAINT "hits_a_target_id_targets_id_fk" FOREIGN KEY ("a_target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hits" ADD CONSTRAINT "hits_a_action_id_planned_actions_id_fk" FOREIGN KEY ("a_action_id") REFERENCES "public"."planned_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hits" ADD CONSTRAINT "hits_a_operation_id_operations_id_fk" FOREIGN KEY ("a_operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hits" ADD CONSTRAINT "hits_a_officer_id_users_id_fk" FOREIGN KEY ("a_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hits" ADD CONSTRAINT "hits_b_target_id_targets_id_fk" FOREIGN KEY ("b_target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hits" ADD CONSTRAINT "hits_b_action_id_planned_actions_id_fk" FOREIGN KEY ("b_action_id") REFERENCES "public"."planned_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hits" ADD CONSTRAINT "hits_b_operation_id_operations_id_fk" FOREIGN KEY ("b_operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hits" ADD CONSTRAINT "hits_b_officer_id_users_id_fk" FOREIGN KEY ("b_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_actions" ADD CONSTRAINT "planned_actions_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_actions" ADD CONSTRAINT "planned_actions_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_actions" ADD CONSTRAINT "planned_actions_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_keys" ADD CONSTRAINT "target_keys_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hits_pair_key" ON "hits" USING btree (least(coalesce("a_target_id", "a_action_id"), coalesce("b_target_id", "b_action_id")),greatest(coalesce("a_target_id", "a_action_id"), coalesce("b_target_id", "b_action_id")));--> statement-breakpoint
CREATE INDEX "hits_a_operation_idx" ON "hits" USING btree ("a_operation_id");--> statement-breakpoint
CREATE INDEX "hits_b_operation_idx" ON "hits" USING btree ("b_operation_id");--> statement-breakpoint
CREATE INDEX "hits_open_idx" ON "hits" USING btree ("created_at") WHERE "hits"."status" = 'new';--> statement-breakpoint
CREATE INDEX "planned_actions_operation_idx" ON "planned_actions" USING btree ("operation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "planned_actions_task_key" ON "planned_actions" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "target_keys_kind_digest_idx" ON "target_keys" USING btree ("kind","digest");--> statement-breakpoint
CREATE UNIQUE INDEX "target_keys_target_digest_key" ON "target_keys" USING btree ("target_id","kind","key_type","digest");--> statement-breakpoint
CREATE INDEX "targets_operation_idx" ON "targets" USING btree ("operation_id","created_at");--> statement-breakpoint
-- Added by hand: drizzle-kit cannot express an expression GiST index. The spatial
-- prefilter of event deconfliction (earth_box(...) @> ll_to_earth(lat, lon)) uses it;
-- cube and earthdistance come from 0000_extensions.
CREATE INDEX "planned_actions_place_gist_idx" ON "planned_actions" USING gist (ll_to_earth("lat", "lon"));

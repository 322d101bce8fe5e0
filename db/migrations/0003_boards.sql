CREATE TABLE "board_columns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"name" text,
	"preset" text,
	"position" integer NOT NULL,
	"wip_limit" integer,
	"is_done" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_columns_id_operation_key" UNIQUE("id","operation_id"),
	CONSTRAINT "board_columns_named" CHECK ("board_columns"."name" IS NOT NULL OR "board_columns"."preset" IS NOT NULL),
	CONSTRAINT "board_columns_name_length" CHECK ("board_columns"."name" IS NULL OR char_length("board_columns"."name") BETWEEN 1 AND 60),
	CONSTRAINT "board_columns_preset_known" CHECK ("board_columns"."preset" IS NULL OR "board_columns"."preset" IN ('backlog', 'todo', 'in_progress', 'blocked', 'done')),
	CONSTRAINT "board_columns_wip_limit" CHECK ("board_columns"."wip_limit" IS NULL OR "board_columns"."wip_limit" BETWEEN 1 AND 999)
);
--> statement-breakpoint
CREATE TABLE "board_labels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"colour" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_labels_id_operation_key" UNIQUE("id","operation_id"),
	CONSTRAINT "board_labels_name_length" CHECK (char_length("board_labels"."name") BETWEEN 1 AND 40),
	CONSTRAINT "board_labels_colour_known" CHECK ("board_labels"."colour" IN ('slate', 'red', 'orange', 'amber', 'yellow', 'lime', 'green', 'teal', 'cyan', 'blue', 'violet', 'pink'))
);
--> statement-breakpoint
CREATE TABLE "boards" (
	"operation_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_assignees" (
	"task_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_by" text,
	CONSTRAINT "task_assignees_task_id_user_id_pk" PRIMARY KEY("task_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "task_checklist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"text" text NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_checklist_items_text_length" CHECK (char_length("task_checklist_items"."text") BETWEEN 1 AND 300)
);
--> statement-breakpoint
CREATE TABLE "task_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"mentions" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	CONSTRAINT "task_comments_body_length" CHECK (char_length("task_comments"."body") BETWEEN 1 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "task_labels" (
	"task_id" uuid NOT NULL,
	"label_id" uuid NOT NULL,
	"operation_id" uuid NOT NULL,
	CONSTRAINT "task_labels_task_id_label_id_pk" PRIMARY KEY("task_id","label_id")
);
--> statement-breakpoint
CREATE TABLE "task_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"from_task_id" uuid NOT NULL,
	"to_task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_links_pair_key" UNIQUE("from_task_id","to_task_id","kind"),
	CONSTRAINT "task_links_not_self" CHECK ("task_links"."from_task_id" <> "task_links"."to_task_id"),
	CONSTRAINT "task_links_kind_known" CHECK ("task_links"."kind" IN ('relates_to', 'blocks', 'duplicates'))
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"column_id" uuid NOT NULL,
	"rank" double precision NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"due_at" timestamp with time zone,
	"priority" text DEFAULT 'normal' NOT NULL,
	"handling_code" text DEFAULT 'H0' NOT NULL,
	"type" text DEFAULT 'general' NOT NULL,
	"action_kind" text,
	"place_latitude" double precision,
	"place_longitude" double precision,
	"place_radius_m" integer,
	"place_address" text,
	"window_start" timestamp with time zone,
	"window_end" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_id_operation_key" UNIQUE("id","operation_id"),
	CONSTRAINT "tasks_column_rank_key" UNIQUE("column_id","rank"),
	CONSTRAINT "tasks_title_length" CHECK (char_length("tasks"."title") BETWEEN 1 AND 200),
	CONSTRAINT "tasks_description_length" CHECK (char_length("tasks"."description") <= 20000),
	CONSTRAINT "tasks_priority_known" CHECK ("tasks"."priority" IN ('low', 'normal', 'high', 'urgent')),
	CONSTRAINT "tasks_handling_code_known" CHECK ("tasks"."handling_code" IN ('H0', 'H1', 'H2', 'H3')),
	CONSTRAINT "tasks_type_known" CHECK ("tasks"."type" IN ('general', 'planned_action')),
	CONSTRAINT "tasks_rank_positive" CHECK ("tasks"."rank" > 0),
	CONSTRAINT "tasks_planned_action_shape" CHECK (("tasks"."type" = 'general' AND "tasks"."action_kind" IS NULL AND "tasks"."place_latitude" IS NULL AND "tasks"."place_longitude" IS NULL
          AND "tasks"."place_radius_m" IS NULL AND "tasks"."place_address" IS NULL AND "tasks"."window_start" IS NULL AND "tasks"."window_end" IS NULL)
        OR ("tasks"."type" = 'planned_action' AND "tasks"."action_kind" IN ('raid', 'arrest', 'search', 'surveillance', 'controlled_delivery', 'interview', 'undercover_meeting')
          AND "tasks"."place_latitude" BETWEEN -90 AND 90 AND "tasks"."place_longitude" BETWEEN -180 AND 180
          AND "tasks"."place_radius_m" BETWEEN 1 AND 100000
          AND ("tasks"."place_address" IS NULL OR char_length("tasks"."place_address") <= 300)
          AND "tasks"."window_start" IS NOT NULL AND "tasks"."window_end" IS NOT NULL AND "tasks"."window_start" < "tasks"."window_end"))
);
--> statement-breakpoint
ALTER TABLE "board_columns" ADD CONSTRAINT "board_columns_operation_id_boards_operation_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."boards"("operation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_labels" ADD CONSTRAINT "board_labels_operation_id_boards_operation_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."boards"("operation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "boards" ADD CONSTRAINT "boards_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignees" ADD CONSTRAINT "task_assignees_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignees" ADD CONSTRAINT "task_assignees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_assignees" ADD CONSTRAINT "task_assignees_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_checklist_items" ADD CONSTRAINT "task_checklist_items_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_labels" ADD CONSTRAINT "task_labels_task_fk" FOREIGN KEY ("task_id","operation_id") REFERENCES "public"."tasks"("id","operation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_labels" ADD CONSTRAINT "task_labels_label_fk" FOREIGN KEY ("label_id","operation_id") REFERENCES "public"."board_labels"("id","operation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_links" ADD CONSTRAINT "task_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_links" ADD CONSTRAINT "task_links_from_fk" FOREIGN KEY ("from_task_id","operation_id") REFERENCES "public"."tasks"("id","operation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_links" ADD CONSTRAINT "task_links_to_fk" FOREIGN KEY ("to_task_id","operation_id") REFERENCES "public"."tasks"("id","operation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_operation_id_boards_operation_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."boards"("operation_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_column_same_operation_fk" FOREIGN KEY ("column_id","operation_id") REFERENCES "public"."board_columns"("id","operation_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "board_columns_preset_key" ON "board_columns" USING btree ("operation_id","preset") WHERE "board_columns"."preset" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "board_columns_name_key" ON "board_columns" USING btree ("operation_id",lower("name")) WHERE "board_columns"."name" IS NOT NULL AND "board_columns"."archived_at" IS NULL;--> statement-breakpoint
CREATE INDEX "board_columns_operation_idx" ON "board_columns" USING btree ("operation_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "board_labels_name_key" ON "board_labels" USING btree ("operation_id",lower("name"));--> statement-breakpoint
CREATE INDEX "task_assignees_user_idx" ON "task_assignees" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "task_checklist_items_task_idx" ON "task_checklist_items" USING btree ("task_id","position");--> statement-breakpoint
CREATE INDEX "task_comments_task_idx" ON "task_comments" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE INDEX "task_labels_label_idx" ON "task_labels" USING btree ("label_id");--> statement-breakpoint
CREATE INDEX "task_links_to_idx" ON "task_links" USING btree ("to_task_id");--> statement-breakpoint
CREATE INDEX "tasks_operation_idx" ON "tasks" USING btree ("operation_id");--> statement-breakpoint
CREATE INDEX "tasks_due_idx" ON "tasks" USING btree ("due_at");
CREATE TYPE "public"."employee_category" AS ENUM('cong_chuc', 'vien_chuc', 'nguoi_lao_dong', 'other');--> statement-breakpoint
CREATE TYPE "public"."import_kind" AS ENUM('units', 'people');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('previewed', 'confirmed', 'discarded');--> statement-breakpoint
CREATE TYPE "public"."org_kind" AS ENUM('province', 'agency', 'department', 'school', 'commune', 'enterprise', 'media', 'other');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('administrator', 'coordinator', 'unit_leader', 'staff', 'reviewer', 'partner', 'supervisor');--> statement-breakpoint
CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'submitted', 'approved', 'issued', 'running', 'closed');--> statement-breakpoint
CREATE TYPE "public"."task_reminder_kind" AS ENUM('automatic', 'manual');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('not_started', 'in_progress', 'done');--> statement-breakpoint
CREATE TYPE "public"."document_status" AS ENUM('issued', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."numbering_mode" AS ENUM('single', 'per_type');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TABLE "account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_token" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rate_limit" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL,
	"last_request" bigint NOT NULL,
	CONSTRAINT "rate_limit_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batch" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"kind" "import_kind" NOT NULL,
	"status" "import_status" DEFAULT 'previewed' NOT NULL,
	"file_name" text NOT NULL,
	"rows" jsonb NOT NULL,
	"good_count" integer NOT NULL,
	"bad_count" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" text,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "org_node" (
	"id" text PRIMARY KEY NOT NULL,
	"parent_id" text,
	"path" text NOT NULL,
	"kind" "org_kind" NOT NULL,
	"name" text NOT NULL,
	"short_code" text NOT NULL,
	"address" text,
	"email" text,
	"phone" text,
	"website" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"family_name" text NOT NULL,
	"middle_name" text DEFAULT '' NOT NULL,
	"given_name" text NOT NULL,
	"position" text,
	"category" "employee_category" DEFAULT 'other' NOT NULL,
	"learner_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"email" text,
	"phone" text,
	"user_id" text,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_grant" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"org_id" text NOT NULL,
	"role" "role" NOT NULL,
	"granted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"parent_id" text,
	"cloned_from_id" text,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"number" text,
	"symbol" text NOT NULL,
	"place" text NOT NULL,
	"document_date" date,
	"introduction" text DEFAULT '' NOT NULL,
	"purposes" text DEFAULT '' NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"legal_bases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"duties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signer" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"search_text" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_entry" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" text,
	"actor_label" text NOT NULL,
	"org_id" text,
	"org_path" text,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "mail_message" (
	"id" text PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"transport" text NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"locked_until" timestamp with time zone,
	"locked_by" text,
	"done_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"last_error" text,
	"unique_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"duty_index" integer,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"evidence_required" boolean DEFAULT false NOT NULL,
	"evidence_note" text DEFAULT '' NOT NULL,
	"unit_id" text NOT NULL,
	"person_id" text,
	"status" "task_status" DEFAULT 'not_started' NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"done_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_evidence" (
	"id" text PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"progress_id" text NOT NULL,
	"org_id" text NOT NULL,
	"file_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_progress" (
	"id" text PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"org_id" text NOT NULL,
	"author_user_id" text,
	"author_label" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" "task_status" NOT NULL,
	"percent" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_reminder" (
	"id" text PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"org_id" text NOT NULL,
	"kind" "task_reminder_kind" NOT NULL,
	"offset_days" integer,
	"sent_by_user_id" text,
	"sent_by_label" text NOT NULL,
	"recipients" jsonb NOT NULL,
	"job_id" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_numbering_policy" (
	"org_id" text PRIMARY KEY NOT NULL,
	"mode" "numbering_mode" DEFAULT 'single' NOT NULL,
	"updated_by_label" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_recipient" (
	"document_id" text NOT NULL,
	"org_id" text NOT NULL,
	"label" text NOT NULL,
	"read_at" timestamp with time zone,
	"read_by_user_id" text,
	"read_by_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_recipient_document_id_org_id_pk" PRIMARY KEY("document_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "document_sequence" (
	"org_id" text NOT NULL,
	"year" integer NOT NULL,
	"series" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "document_sequence_org_id_year_series_pk" PRIMARY KEY("org_id","year","series")
);
--> statement-breakpoint
CREATE TABLE "document" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"year" integer NOT NULL,
	"series" text NOT NULL,
	"number" integer NOT NULL,
	"number_entered_by_hand" boolean DEFAULT false NOT NULL,
	"type" text NOT NULL,
	"symbol" text NOT NULL,
	"summary" text NOT NULL,
	"document_date" date NOT NULL,
	"signer_name" text NOT NULL,
	"signer_position" text NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"archive" text DEFAULT 'VT' NOT NULL,
	"copies" integer NOT NULL,
	"sent_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"campaign_id" text,
	"status" "document_status" DEFAULT 'issued' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"signed_file_key" text,
	"signed_sha256" text,
	"signed_size" integer,
	"signed_has_signature" boolean,
	"signed_by_user_id" text,
	"signed_by_label" text,
	"signed_at" timestamp with time zone,
	"issued_by_user_id" text,
	"issued_by_label" text NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_report" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"direction" text DEFAULT '' NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"assessment" text DEFAULT '' NOT NULL,
	"proposals" text DEFAULT '' NOT NULL,
	"addressee_org_id" text,
	"addressee_label" text DEFAULT '' NOT NULL,
	"status" "report_status" DEFAULT 'draft' NOT NULL,
	"document_id" text,
	"submitted_at" timestamp with time zone,
	"submitted_by_label" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_grant" ADD CONSTRAINT "role_grant_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_parent_id_campaign_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."campaign"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign" ADD CONSTRAINT "campaign_cloned_from_id_campaign_id_fk" FOREIGN KEY ("cloned_from_id") REFERENCES "public"."campaign"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_evidence" ADD CONSTRAINT "task_evidence_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_evidence" ADD CONSTRAINT "task_evidence_progress_id_task_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."task_progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_progress" ADD CONSTRAINT "task_progress_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reminder" ADD CONSTRAINT "task_reminder_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_numbering_policy" ADD CONSTRAINT "document_numbering_policy_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_recipient" ADD CONSTRAINT "document_recipient_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_recipient" ADD CONSTRAINT "document_recipient_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_sequence" ADD CONSTRAINT "document_sequence_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_report" ADD CONSTRAINT "campaign_report_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_report" ADD CONSTRAINT "campaign_report_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_report" ADD CONSTRAINT "campaign_report_addressee_org_id_org_node_id_fk" FOREIGN KEY ("addressee_org_id") REFERENCES "public"."org_node"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_report" ADD CONSTRAINT "campaign_report_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_user_idx" ON "account" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_token_hash_idx" ON "api_token" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_token_user_idx" ON "api_token" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "verification_identifier_idx" ON "verification" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "import_batch_org_idx" ON "import_batch" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "org_node_parent_idx" ON "org_node" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_node_path_idx" ON "org_node" USING btree ("path");--> statement-breakpoint
CREATE UNIQUE INDEX "org_node_sibling_code_idx" ON "org_node" USING btree (coalesce("parent_id", ''),lower("short_code"));--> statement-breakpoint
CREATE INDEX "person_unit_idx" ON "person" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "person_user_idx" ON "person" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_unit_email_idx" ON "person" USING btree ("unit_id",lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "role_grant_unique_idx" ON "role_grant" USING btree ("user_id","org_id","role");--> statement-breakpoint
CREATE INDEX "role_grant_org_idx" ON "role_grant" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "campaign_org_idx" ON "campaign" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "campaign_parent_idx" ON "campaign" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "campaign_year_idx" ON "campaign" USING btree ("year");--> statement-breakpoint
CREATE INDEX "campaign_status_idx" ON "campaign" USING btree ("status","starts_on");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_entry" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_org_path_idx" ON "audit_entry" USING btree ("org_path");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_entry" USING btree ("at");--> statement-breakpoint
CREATE INDEX "mail_message_created_idx" ON "mail_message" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "job_unique_key_idx" ON "job" USING btree ("unique_key");--> statement-breakpoint
CREATE INDEX "job_due_idx" ON "job" USING btree ("run_at") WHERE "job"."done_at" is null and "job"."failed_at" is null;--> statement-breakpoint
CREATE INDEX "task_campaign_idx" ON "task" USING btree ("campaign_id","due_on");--> statement-breakpoint
CREATE INDEX "task_unit_idx" ON "task" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "task_person_idx" ON "task" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "task_org_idx" ON "task" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "task_evidence_task_idx" ON "task_evidence" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_evidence_key_idx" ON "task_evidence" USING btree ("file_key");--> statement-breakpoint
CREATE INDEX "task_progress_task_idx" ON "task_progress" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE INDEX "task_reminder_task_idx" ON "task_reminder" USING btree ("task_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "task_reminder_job_idx" ON "task_reminder" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "document_recipient_org_idx" ON "document_recipient" USING btree ("org_id","read_at");--> statement-breakpoint
CREATE UNIQUE INDEX "document_number_idx" ON "document" USING btree ("org_id","year","series","number");--> statement-breakpoint
CREATE INDEX "document_campaign_idx" ON "document" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "document_org_year_idx" ON "document" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_report_campaign_idx" ON "campaign_report" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "campaign_report_org_idx" ON "campaign_report" USING btree ("org_id");
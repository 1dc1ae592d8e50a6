CREATE TYPE "public"."maturity_assessment_status" AS ENUM('draft', 'submitted', 'under_review', 'returned', 'resubmitted', 'verified', 'published');--> statement-breakpoint
CREATE TYPE "public"."maturity_review_decision" AS ENUM('accepted', 'adjusted', 'returned');--> statement-breakpoint
CREATE TYPE "public"."maturity_round_status" AS ENUM('open', 'published');--> statement-breakpoint
CREATE TYPE "public"."maturity_score_change_kind" AS ENUM('self', 'automatic', 'review');--> statement-breakpoint
CREATE TABLE "maturity_answer" (
	"id" text PRIMARY KEY NOT NULL,
	"assessment_id" text NOT NULL,
	"criterion_key" text NOT NULL,
	"value" double precision,
	"comment" text DEFAULT '' NOT NULL,
	"doc_number" text DEFAULT '' NOT NULL,
	"doc_date" date,
	"doc_summary" text DEFAULT '' NOT NULL,
	"link" text,
	"automatic" jsonb,
	"decision" "maturity_review_decision",
	"reviewed_value" double precision,
	"review_reason" text DEFAULT '' NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maturity_assessment" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"org_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"status" "maturity_assessment_status" DEFAULT 'draft' NOT NULL,
	"self_total" double precision DEFAULT 0 NOT NULL,
	"self_level" integer,
	"verified_total" double precision,
	"verified_level" integer,
	"automatic_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"verified_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maturity_evidence" (
	"id" text PRIMARY KEY NOT NULL,
	"assessment_id" text NOT NULL,
	"criterion_key" text NOT NULL,
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
CREATE TABLE "maturity_framework" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"template_key" text,
	"source" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maturity_framework_version" (
	"id" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"org_id" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"frozen_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maturity_round" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"framework_id" text NOT NULL,
	"version_id" text NOT NULL,
	"title" text NOT NULL,
	"deadline" date NOT NULL,
	"status" "maturity_round_status" DEFAULT 'open' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maturity_score_change" (
	"id" text PRIMARY KEY NOT NULL,
	"assessment_id" text NOT NULL,
	"criterion_key" text NOT NULL,
	"kind" "maturity_score_change_kind" NOT NULL,
	"from_score" double precision,
	"to_score" double precision NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"by_label" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "maturity_answer" ADD CONSTRAINT "maturity_answer_assessment_id_maturity_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."maturity_assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_assessment" ADD CONSTRAINT "maturity_assessment_round_id_maturity_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."maturity_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_assessment" ADD CONSTRAINT "maturity_assessment_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_evidence" ADD CONSTRAINT "maturity_evidence_assessment_id_maturity_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."maturity_assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_framework" ADD CONSTRAINT "maturity_framework_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_framework_version" ADD CONSTRAINT "maturity_framework_version_framework_id_maturity_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."maturity_framework"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_round" ADD CONSTRAINT "maturity_round_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_round" ADD CONSTRAINT "maturity_round_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_round" ADD CONSTRAINT "maturity_round_framework_id_maturity_framework_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."maturity_framework"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_round" ADD CONSTRAINT "maturity_round_version_id_maturity_framework_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."maturity_framework_version"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_score_change" ADD CONSTRAINT "maturity_score_change_assessment_id_maturity_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."maturity_assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "maturity_answer_criterion_idx" ON "maturity_answer" USING btree ("assessment_id","criterion_key");--> statement-breakpoint
CREATE UNIQUE INDEX "maturity_assessment_unit_idx" ON "maturity_assessment" USING btree ("round_id","unit_id");--> statement-breakpoint
CREATE INDEX "maturity_assessment_unit_only_idx" ON "maturity_assessment" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "maturity_evidence_assessment_idx" ON "maturity_evidence" USING btree ("assessment_id","criterion_key");--> statement-breakpoint
CREATE UNIQUE INDEX "maturity_evidence_key_idx" ON "maturity_evidence" USING btree ("file_key");--> statement-breakpoint
CREATE INDEX "maturity_framework_org_idx" ON "maturity_framework" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "maturity_version_unique_idx" ON "maturity_framework_version" USING btree ("framework_id","version");--> statement-breakpoint
CREATE INDEX "maturity_round_campaign_idx" ON "maturity_round" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "maturity_round_org_idx" ON "maturity_round" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "maturity_score_change_assessment_idx" ON "maturity_score_change" USING btree ("assessment_id","at");
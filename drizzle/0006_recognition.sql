CREATE TYPE "public"."council_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."award_decision_status" AS ENUM('draft', 'issued');--> statement-breakpoint
CREATE TYPE "public"."recognition_entry_kind" AS ENUM('initiative', 'nomination');--> statement-breakpoint
CREATE TYPE "public"."recognition_entry_status" AS ENUM('submitted', 'returned', 'in_review', 'recognised', 'refused');--> statement-breakpoint
CREATE TYPE "public"."commendation_form_scope" AS ENUM('individual', 'collective', 'both');--> statement-breakpoint
CREATE TYPE "public"."initiative_field" AS ENUM('education', 'digital_transformation', 'administrative_reform', 'management', 'technical', 'other');--> statement-breakpoint
CREATE TYPE "public"."initiative_level" AS ENUM('co_so', 'higher');--> statement-breakpoint
CREATE TYPE "public"."nominee_kind" AS ENUM('person', 'family', 'collective');--> statement-breakpoint
CREATE TYPE "public"."award_recipient_kind" AS ENUM('individual', 'family', 'collective');--> statement-breakpoint
CREATE TYPE "public"."award_recipient_source" AS ENUM('initiative', 'nomination', 'contest', 'manual');--> statement-breakpoint
CREATE TABLE "award_decision" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"summary" text NOT NULL,
	"reason" text NOT NULL,
	"proposed_by" text DEFAULT '' NOT NULL,
	"status" "award_decision_status" DEFAULT 'draft' NOT NULL,
	"document_id" text,
	"number" integer,
	"symbol" text,
	"document_date" date,
	"signer_name" text,
	"signer_position" text,
	"base_salary_vnd" integer,
	"issued_at" timestamp with time zone,
	"issued_by_label" text,
	"created_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_recipient" (
	"id" text PRIMARY KEY NOT NULL,
	"decision_id" text NOT NULL,
	"org_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"kind" "award_recipient_kind" NOT NULL,
	"name" text NOT NULL,
	"unit_name" text DEFAULT '' NOT NULL,
	"source" "award_recipient_source" NOT NULL,
	"source_id" text,
	"author_index" integer,
	"form_code" text NOT NULL,
	"form_name" text NOT NULL,
	"coefficient" numeric(6, 2) NOT NULL,
	"amount_vnd" integer,
	"citation" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"certificate_code" text,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text,
	"revoked_by_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_base_salary" (
	"effective_from" date PRIMARY KEY NOT NULL,
	"amount_vnd" integer NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"updated_by_label" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commendation_form" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"scope" "commendation_form_scope" NOT NULL,
	"individual_coefficient" numeric(6, 2) NOT NULL,
	"collective_coefficient" numeric(6, 2) NOT NULL,
	"requirements" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_council" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"name" text NOT NULL,
	"weights" jsonb NOT NULL,
	"pass_mark" integer NOT NULL,
	"status" "council_status" DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_label" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_council_member" (
	"id" text PRIMARY KEY NOT NULL,
	"council_id" text NOT NULL,
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"is_chair" boolean DEFAULT false NOT NULL,
	"conflict_unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_file" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"entry_kind" "recognition_entry_kind" NOT NULL,
	"entry_id" text NOT NULL,
	"file_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"call_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"title" text NOT NULL,
	"field" "initiative_field" NOT NULL,
	"authors" jsonb NOT NULL,
	"first_applied_on" date NOT NULL,
	"situation_before" text NOT NULL,
	"solution" text NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"benefits" text NOT NULL,
	"applied_where" text NOT NULL,
	"status" "recognition_entry_status" DEFAULT 'submitted' NOT NULL,
	"return_reason" text,
	"council_id" text,
	"level" "initiative_level",
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"decided_by_label" text,
	"submitted_by" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_call" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"deadline" date NOT NULL,
	"council_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nomination" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"kind" "nominee_kind" NOT NULL,
	"name" text NOT NULL,
	"unit_id" text,
	"user_id" text,
	"is_minor" boolean DEFAULT false NOT NULL,
	"guardian_name" text,
	"story" text NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"source_facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "recognition_entry_status" DEFAULT 'submitted' NOT NULL,
	"return_reason" text,
	"council_id" text,
	"decision_note" text,
	"decided_at" timestamp with time zone,
	"decided_by_label" text,
	"nominated_by" text,
	"nominated_by_label" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_consent" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"entry_kind" "recognition_entry_kind" NOT NULL,
	"entry_id" text NOT NULL,
	"subject" text NOT NULL,
	"subject_name" text NOT NULL,
	"given_by" text NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"notice_version" text NOT NULL,
	"channel" text NOT NULL,
	"recorded_by" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recognition_score" (
	"id" text PRIMARY KEY NOT NULL,
	"council_id" text NOT NULL,
	"org_id" text NOT NULL,
	"entry_kind" "recognition_entry_kind" NOT NULL,
	"entry_id" text NOT NULL,
	"member_user_id" text NOT NULL,
	"novelty" integer NOT NULL,
	"applicability" integer NOT NULL,
	"effectiveness" integer NOT NULL,
	"replicability" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "award_decision" ADD CONSTRAINT "award_decision_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_decision" ADD CONSTRAINT "award_decision_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_recipient" ADD CONSTRAINT "award_recipient_decision_id_award_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."award_decision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commendation_form" ADD CONSTRAINT "commendation_form_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_council" ADD CONSTRAINT "recognition_council_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_council" ADD CONSTRAINT "recognition_council_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_council_member" ADD CONSTRAINT "recognition_council_member_council_id_recognition_council_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."recognition_council"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative" ADD CONSTRAINT "initiative_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative" ADD CONSTRAINT "initiative_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative" ADD CONSTRAINT "initiative_call_id_initiative_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."initiative_call"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative" ADD CONSTRAINT "initiative_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative" ADD CONSTRAINT "initiative_council_id_recognition_council_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."recognition_council"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_call" ADD CONSTRAINT "initiative_call_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_call" ADD CONSTRAINT "initiative_call_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_call" ADD CONSTRAINT "initiative_call_council_id_recognition_council_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."recognition_council"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nomination" ADD CONSTRAINT "nomination_council_id_recognition_council_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."recognition_council"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognition_score" ADD CONSTRAINT "recognition_score_council_id_recognition_council_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."recognition_council"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_decision_campaign_idx" ON "award_decision" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "award_recipient_decision_idx" ON "award_recipient" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "award_recipient_campaign_idx" ON "award_recipient" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "award_recipient_certificate_idx" ON "award_recipient" USING btree ("certificate_code");--> statement-breakpoint
CREATE UNIQUE INDEX "commendation_form_code_idx" ON "commendation_form" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "recognition_council_campaign_idx" ON "recognition_council" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_council_member_idx" ON "recognition_council_member" USING btree ("council_id","user_id");--> statement-breakpoint
CREATE INDEX "recognition_council_member_user_idx" ON "recognition_council_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "recognition_file_entry_idx" ON "recognition_file" USING btree ("entry_kind","entry_id");--> statement-breakpoint
CREATE INDEX "initiative_campaign_idx" ON "initiative" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "initiative_council_idx" ON "initiative" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "initiative_submitter_idx" ON "initiative" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "initiative_call_campaign_idx" ON "initiative_call" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "nomination_campaign_idx" ON "nomination" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "nomination_council_idx" ON "nomination" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "recognition_consent_entry_idx" ON "recognition_consent" USING btree ("entry_kind","entry_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "recognition_score_member_idx" ON "recognition_score" USING btree ("entry_kind","entry_id","member_user_id");--> statement-breakpoint
CREATE INDEX "recognition_score_council_idx" ON "recognition_score" USING btree ("council_id");
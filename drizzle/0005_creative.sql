CREATE TYPE "public"."creative_contest_status" AS ENUM('draft', 'published', 'results');--> statement-breakpoint
CREATE TYPE "public"."creative_entry_status" AS ENUM('submitted', 'disqualified');--> statement-breakpoint
CREATE TYPE "public"."creative_entry_type" AS ENUM('reading', 'audio', 'video', 'photo', 'essay');--> statement-breakpoint
CREATE TYPE "public"."creative_vote_mode" AS ENUM('per_entry', 'per_contest');--> statement-breakpoint
CREATE TYPE "public"."jury_round_status" AS ENUM('draft', 'open', 'closed');--> statement-breakpoint
CREATE TABLE "creative_certificate" (
	"code" text PRIMARY KEY NOT NULL,
	"contest_id" text NOT NULL,
	"entry_id" text NOT NULL,
	"org_id" text NOT NULL,
	"recipient_name" text NOT NULL,
	"kind" text NOT NULL,
	"rank" integer,
	"issued_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "creative_consent_event" (
	"id" text PRIMARY KEY NOT NULL,
	"entry_id" text NOT NULL,
	"org_id" text NOT NULL,
	"party" text NOT NULL,
	"party_name" text NOT NULL,
	"relation" text,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"notice_version" text NOT NULL,
	"channel" text NOT NULL,
	"recorded_by" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "creative_contest" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"title" text NOT NULL,
	"rules" text DEFAULT '' NOT NULL,
	"entry_types" jsonb NOT NULL,
	"max_bytes" bigint NOT NULL,
	"max_duration_seconds" integer NOT NULL,
	"submission_opens_at" timestamp with time zone NOT NULL,
	"submission_closes_at" timestamp with time zone NOT NULL,
	"vote_opens_at" timestamp with time zone,
	"vote_closes_at" timestamp with time zone,
	"vote_mode" "creative_vote_mode" DEFAULT 'per_entry' NOT NULL,
	"votes_per_account" integer DEFAULT 1 NOT NULL,
	"jury_weight" integer DEFAULT 70 NOT NULL,
	"status" "creative_contest_status" DEFAULT 'draft' NOT NULL,
	"search_text" text NOT NULL,
	"created_by" text,
	"results_published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "creative_entry" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"contest_id" text NOT NULL,
	"org_id" text NOT NULL,
	"author_user_id" text NOT NULL,
	"author_name" text NOT NULL,
	"unit_id" text,
	"type" "creative_entry_type" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"essay_text" text DEFAULT '' NOT NULL,
	"file_key" text,
	"file_name" text,
	"content_type" text,
	"size" bigint,
	"sha256" text,
	"duration_seconds" real,
	"is_minor" boolean DEFAULT false NOT NULL,
	"guardian_name" text,
	"guardian_relation" text,
	"publishable" boolean DEFAULT false NOT NULL,
	"status" "creative_entry_status" DEFAULT 'submitted' NOT NULL,
	"disqualified_reason" text,
	"disqualified_by" text,
	"disqualified_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "creative_upload" (
	"id" text PRIMARY KEY NOT NULL,
	"contest_id" text NOT NULL,
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"length" bigint NOT NULL,
	"offset" bigint DEFAULT 0 NOT NULL,
	"file_key" text NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kind" text,
	"duration_seconds" real,
	"completed_at" timestamp with time zone,
	"entry_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "creative_vote" (
	"id" text PRIMARY KEY NOT NULL,
	"contest_id" text NOT NULL,
	"entry_id" text NOT NULL,
	"user_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "creative_vote_log" (
	"id" text PRIMARY KEY NOT NULL,
	"contest_id" text NOT NULL,
	"entry_id" text NOT NULL,
	"user_id" text,
	"outcome" text NOT NULL,
	"request_key" text,
	"client_hash" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "juror" (
	"round_id" text NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"added_by" text,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "juror_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "jury_rating" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"entry_id" text NOT NULL,
	"juror_user_id" text NOT NULL,
	"scores" jsonb NOT NULL,
	"score" real NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jury_round" (
	"id" text PRIMARY KEY NOT NULL,
	"contest_id" text NOT NULL,
	"org_id" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"advance_count" integer,
	"status" "jury_round_status" DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jury_round_entry" (
	"round_id" text NOT NULL,
	"entry_id" text NOT NULL,
	CONSTRAINT "jury_round_entry_round_id_entry_id_pk" PRIMARY KEY("round_id","entry_id")
);
--> statement-breakpoint
ALTER TABLE "creative_certificate" ADD CONSTRAINT "creative_certificate_contest_id_creative_contest_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."creative_contest"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creative_certificate" ADD CONSTRAINT "creative_certificate_entry_id_creative_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."creative_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creative_consent_event" ADD CONSTRAINT "creative_consent_event_entry_id_creative_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."creative_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creative_contest" ADD CONSTRAINT "creative_contest_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creative_contest" ADD CONSTRAINT "creative_contest_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creative_entry" ADD CONSTRAINT "creative_entry_contest_id_creative_contest_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."creative_contest"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creative_entry" ADD CONSTRAINT "creative_entry_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creative_upload" ADD CONSTRAINT "creative_upload_contest_id_creative_contest_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."creative_contest"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creative_vote" ADD CONSTRAINT "creative_vote_contest_id_creative_contest_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."creative_contest"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creative_vote" ADD CONSTRAINT "creative_vote_entry_id_creative_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."creative_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "juror" ADD CONSTRAINT "juror_round_id_jury_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."jury_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_rating" ADD CONSTRAINT "jury_rating_round_id_jury_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."jury_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_rating" ADD CONSTRAINT "jury_rating_entry_id_creative_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."creative_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_round" ADD CONSTRAINT "jury_round_contest_id_creative_contest_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."creative_contest"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_round_entry" ADD CONSTRAINT "jury_round_entry_round_id_jury_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."jury_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_round_entry" ADD CONSTRAINT "jury_round_entry_entry_id_creative_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."creative_entry"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "creative_certificate_entry_idx" ON "creative_certificate" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "creative_consent_entry_idx" ON "creative_consent_event" USING btree ("entry_id","at");--> statement-breakpoint
CREATE INDEX "creative_contest_campaign_idx" ON "creative_contest" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "creative_contest_org_idx" ON "creative_contest" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "creative_entry_contest_idx" ON "creative_entry" USING btree ("contest_id","seq");--> statement-breakpoint
CREATE INDEX "creative_entry_author_idx" ON "creative_entry" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "creative_upload_user_idx" ON "creative_upload" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "creative_vote_once_idx" ON "creative_vote" USING btree ("entry_id","user_id");--> statement-breakpoint
CREATE INDEX "creative_vote_contest_user_idx" ON "creative_vote" USING btree ("contest_id","user_id");--> statement-breakpoint
CREATE INDEX "creative_vote_entry_idx" ON "creative_vote" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "creative_vote_log_user_idx" ON "creative_vote_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "creative_vote_log_contest_idx" ON "creative_vote_log" USING btree ("contest_id","at");--> statement-breakpoint
CREATE INDEX "juror_user_idx" ON "juror" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "jury_rating_once_idx" ON "jury_rating" USING btree ("round_id","entry_id","juror_user_id");--> statement-breakpoint
CREATE INDEX "jury_rating_entry_idx" ON "jury_rating" USING btree ("round_id","entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "jury_round_number_idx" ON "jury_round" USING btree ("contest_id","number");
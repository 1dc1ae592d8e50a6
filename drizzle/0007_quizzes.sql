CREATE TYPE "public"."quiz_attempt_status" AS ENUM('open', 'submitted', 'timed_out');--> statement-breakpoint
CREATE TYPE "public"."quiz_contest_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."quiz_difficulty" AS ENUM('easy', 'medium', 'hard');--> statement-breakpoint
CREATE TYPE "public"."quiz_entry_rule" AS ENUM('signed_in', 'email_code');--> statement-breakpoint
CREATE TYPE "public"."quiz_question_kind" AS ENUM('single', 'multiple', 'true_false', 'short');--> statement-breakpoint
CREATE TABLE "quiz_answer" (
	"attempt_id" text NOT NULL,
	"question_id" text NOT NULL,
	"value" jsonb NOT NULL,
	"rev" bigint NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"correct" boolean,
	CONSTRAINT "quiz_answer_attempt_id_question_id_pk" PRIMARY KEY("attempt_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "quiz_attempt" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"entrant_id" text NOT NULL,
	"number" integer NOT NULL,
	"items" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"accept_until" timestamp with time zone NOT NULL,
	"status" "quiz_attempt_status" DEFAULT 'open' NOT NULL,
	"submitted_at" timestamp with time zone,
	"score" integer,
	"duration_ms" integer,
	"prediction" integer
);
--> statement-breakpoint
CREATE TABLE "quiz_contest" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"org_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"entry_rule" "quiz_entry_rule" DEFAULT 'signed_in' NOT NULL,
	"attempts_allowed" integer DEFAULT 1 NOT NULL,
	"time_limit_seconds" integer NOT NULL,
	"grace_seconds" integer DEFAULT 10 NOT NULL,
	"quotas" jsonb NOT NULL,
	"prediction_question" text,
	"status" "quiz_contest_status" DEFAULT 'draft' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quiz_entrant" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"user_id" text,
	"identity_key" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"unit_id" text,
	"token_hashes" text[] DEFAULT '{}' NOT NULL,
	"certificate_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quiz_entrant_certificate_code_unique" UNIQUE("certificate_code")
);
--> statement-breakpoint
CREATE TABLE "quiz_entry_code" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"unit_id" text,
	"code_hash" text NOT NULL,
	"tries" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quiz_question" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"kind" "quiz_question_kind" NOT NULL,
	"text" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"correct" jsonb NOT NULL,
	"fold_answers" boolean DEFAULT false NOT NULL,
	"image_key" text,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"difficulty" "quiz_difficulty" DEFAULT 'medium' NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"search_text" text NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quiz_round" (
	"id" text PRIMARY KEY NOT NULL,
	"contest_id" text NOT NULL,
	"name" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"all_correct_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "quiz_answer" ADD CONSTRAINT "quiz_answer_attempt_id_quiz_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."quiz_attempt"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempt" ADD CONSTRAINT "quiz_attempt_round_id_quiz_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."quiz_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_attempt" ADD CONSTRAINT "quiz_attempt_entrant_id_quiz_entrant_id_fk" FOREIGN KEY ("entrant_id") REFERENCES "public"."quiz_entrant"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_contest" ADD CONSTRAINT "quiz_contest_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_contest" ADD CONSTRAINT "quiz_contest_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_entrant" ADD CONSTRAINT "quiz_entrant_round_id_quiz_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."quiz_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_entrant" ADD CONSTRAINT "quiz_entrant_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_entrant" ADD CONSTRAINT "quiz_entrant_unit_id_org_node_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_node"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_entry_code" ADD CONSTRAINT "quiz_entry_code_round_id_quiz_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."quiz_round"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_question" ADD CONSTRAINT "quiz_question_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quiz_round" ADD CONSTRAINT "quiz_round_contest_id_quiz_contest_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."quiz_contest"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempt_number_idx" ON "quiz_attempt" USING btree ("entrant_id","number");--> statement-breakpoint
CREATE INDEX "quiz_attempt_round_idx" ON "quiz_attempt" USING btree ("round_id","status");--> statement-breakpoint
CREATE INDEX "quiz_contest_campaign_idx" ON "quiz_contest" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "quiz_contest_org_idx" ON "quiz_contest" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_entrant_identity_idx" ON "quiz_entrant" USING btree ("round_id","identity_key");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_entrant_user_idx" ON "quiz_entrant" USING btree ("round_id","user_id") WHERE "quiz_entrant"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "quiz_entrant_unit_idx" ON "quiz_entrant" USING btree ("round_id","unit_id");--> statement-breakpoint
CREATE INDEX "quiz_entry_code_email_idx" ON "quiz_entry_code" USING btree ("round_id","email");--> statement-breakpoint
CREATE INDEX "quiz_question_org_idx" ON "quiz_question" USING btree ("org_id","archived");--> statement-breakpoint
CREATE INDEX "quiz_question_tags_idx" ON "quiz_question" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "quiz_round_contest_idx" ON "quiz_round" USING btree ("contest_id","opens_at");
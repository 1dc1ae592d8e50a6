CREATE TYPE "public"."news_channel" AS ENUM('portal', 'website', 'facebook', 'youtube', 'zalo_oa', 'viber', 'newspaper', 'tv');--> statement-breakpoint
CREATE TYPE "public"."news_post_status" AS ENUM('draft', 'in_review', 'scheduled', 'published', 'archived');--> statement-breakpoint
CREATE TYPE "public"."forum_report_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."moderation_action" AS ENUM('hide', 'unhide', 'lock', 'unlock', 'suspend', 'lift_suspension', 'dismiss_report');--> statement-breakpoint
CREATE TYPE "public"."learning_record_status" AS ENUM('started', 'completed');--> statement-breakpoint
CREATE TYPE "public"."library_resource_kind" AS ENUM('video', 'audio', 'document', 'ebook', 'link', 'online_course');--> statement-breakpoint
CREATE TYPE "public"."library_resource_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "news_channel_entry" (
	"id" text PRIMARY KEY NOT NULL,
	"post_id" text NOT NULL,
	"org_id" text NOT NULL,
	"channel" "news_channel" NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"reach" integer DEFAULT 0 NOT NULL,
	"published_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"entered_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_post" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"unit_path" text NOT NULL,
	"campaign_id" text,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"cover_key" text,
	"cover_content_type" text,
	"cover_alt" text DEFAULT '' NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "news_post_status" DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"author_label" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "club" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"org_path" text NOT NULL,
	"campaign_id" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "club_member" (
	"id" text PRIMARY KEY NOT NULL,
	"club_id" text NOT NULL,
	"user_id" text NOT NULL,
	"user_label" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"org_path" text NOT NULL,
	"club_id" text,
	"campaign_id" text,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_post" (
	"id" text PRIMARY KEY NOT NULL,
	"thread_id" text NOT NULL,
	"forum_id" text NOT NULL,
	"org_id" text NOT NULL,
	"author_user_id" text,
	"author_label" text NOT NULL,
	"body" text NOT NULL,
	"quoted_post_id" text,
	"hidden" boolean DEFAULT false NOT NULL,
	"hidden_by" text,
	"hidden_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_report" (
	"id" text PRIMARY KEY NOT NULL,
	"post_id" text NOT NULL,
	"org_id" text NOT NULL,
	"org_path" text NOT NULL,
	"reporter_user_id" text NOT NULL,
	"reporter_label" text NOT NULL,
	"reason" text NOT NULL,
	"status" "forum_report_status" DEFAULT 'open' NOT NULL,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_subscription" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"email" text NOT NULL,
	"forum_id" text,
	"thread_id" text,
	"last_digest_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_suspension" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"org_path" text NOT NULL,
	"user_id" text NOT NULL,
	"user_label" text NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_by" text,
	"lifted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_thread" (
	"id" text PRIMARY KEY NOT NULL,
	"forum_id" text NOT NULL,
	"org_id" text NOT NULL,
	"title" text NOT NULL,
	"author_user_id" text,
	"author_label" text NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"last_post_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moderation_log" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"org_path" text NOT NULL,
	"action" "moderation_action" NOT NULL,
	"actor_user_id" text,
	"actor_label" text NOT NULL,
	"post_id" text,
	"thread_id" text,
	"target_user_id" text,
	"target_label" text,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_self_check" (
	"user_id" text NOT NULL,
	"year" integer NOT NULL,
	"levels" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizen_self_check_user_id_year_pk" PRIMARY KEY("user_id","year")
);
--> statement-breakpoint
CREATE TABLE "learning_path" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"learner_group" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_path_item" (
	"path_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "learning_path_item_path_id_resource_id_pk" PRIMARY KEY("path_id","resource_id")
);
--> statement-breakpoint
CREATE TABLE "learning_record" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"org_id" text NOT NULL,
	"campaign_id" text,
	"status" "learning_record_status" NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	"reflection" text DEFAULT '' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "library_resource" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"kind" "library_resource_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"learner_groups" text[] DEFAULT '{}' NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"competence_areas" text[] DEFAULT '{}' NOT NULL,
	"language" text DEFAULT 'vi' NOT NULL,
	"duration_minutes" integer,
	"licence" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"url" text,
	"file_key" text,
	"file_name" text,
	"file_type" text,
	"file_size" integer,
	"status" "library_resource_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"search_words" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "news_channel_entry" ADD CONSTRAINT "news_channel_entry_post_id_news_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."news_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_post" ADD CONSTRAINT "news_post_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_post" ADD CONSTRAINT "news_post_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club" ADD CONSTRAINT "club_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club" ADD CONSTRAINT "club_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_member" ADD CONSTRAINT "club_member_club_id_club_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."club"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum" ADD CONSTRAINT "forum_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum" ADD CONSTRAINT "forum_club_id_club_id_fk" FOREIGN KEY ("club_id") REFERENCES "public"."club"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum" ADD CONSTRAINT "forum_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_post" ADD CONSTRAINT "forum_post_thread_id_forum_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_thread"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_report" ADD CONSTRAINT "forum_report_post_id_forum_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_subscription" ADD CONSTRAINT "forum_subscription_forum_id_forum_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forum"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_subscription" ADD CONSTRAINT "forum_subscription_thread_id_forum_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_thread"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_thread" ADD CONSTRAINT "forum_thread_forum_id_forum_id_fk" FOREIGN KEY ("forum_id") REFERENCES "public"."forum"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizen_self_check" ADD CONSTRAINT "citizen_self_check_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_path" ADD CONSTRAINT "learning_path_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_path_item" ADD CONSTRAINT "learning_path_item_path_id_learning_path_id_fk" FOREIGN KEY ("path_id") REFERENCES "public"."learning_path"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_path_item" ADD CONSTRAINT "learning_path_item_resource_id_library_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."library_resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_record" ADD CONSTRAINT "learning_record_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_record" ADD CONSTRAINT "learning_record_resource_id_library_resource_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."library_resource"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_record" ADD CONSTRAINT "learning_record_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_resource" ADD CONSTRAINT "library_resource_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "news_channel_entry_post_idx" ON "news_channel_entry" USING btree ("post_id","published_on");--> statement-breakpoint
CREATE UNIQUE INDEX "news_post_slug_idx" ON "news_post" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "news_post_status_idx" ON "news_post" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "news_post_campaign_idx" ON "news_post" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "news_post_org_idx" ON "news_post" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "news_post_unit_path_idx" ON "news_post" USING btree ("unit_path");--> statement-breakpoint
CREATE INDEX "club_org_idx" ON "club" USING btree ("org_path");--> statement-breakpoint
CREATE INDEX "club_campaign_idx" ON "club" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "club_member_unique_idx" ON "club_member" USING btree ("club_id","user_id");--> statement-breakpoint
CREATE INDEX "club_member_user_idx" ON "club_member" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_club_idx" ON "forum" USING btree ("club_id");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_campaign_idx" ON "forum" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "forum_org_idx" ON "forum" USING btree ("org_path");--> statement-breakpoint
CREATE INDEX "forum_post_thread_idx" ON "forum_post" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE INDEX "forum_post_author_idx" ON "forum_post" USING btree ("author_user_id","created_at");--> statement-breakpoint
CREATE INDEX "forum_post_forum_idx" ON "forum_post" USING btree ("forum_id","created_at");--> statement-breakpoint
CREATE INDEX "forum_report_queue_idx" ON "forum_report" USING btree ("status","org_path");--> statement-breakpoint
CREATE INDEX "forum_report_post_idx" ON "forum_report" USING btree ("post_id");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_subscription_forum_idx" ON "forum_subscription" USING btree ("user_id","forum_id");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_subscription_thread_idx" ON "forum_subscription" USING btree ("user_id","thread_id");--> statement-breakpoint
CREATE INDEX "forum_suspension_user_idx" ON "forum_suspension" USING btree ("user_id","until");--> statement-breakpoint
CREATE INDEX "forum_thread_forum_idx" ON "forum_thread" USING btree ("forum_id","last_post_at");--> statement-breakpoint
CREATE INDEX "moderation_log_org_idx" ON "moderation_log" USING btree ("org_path","created_at");--> statement-breakpoint
CREATE INDEX "learning_path_org_idx" ON "learning_path" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "learning_path_group_idx" ON "learning_path" USING btree ("learner_group");--> statement-breakpoint
CREATE INDEX "learning_path_item_order_idx" ON "learning_path_item" USING btree ("path_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_record_user_resource_idx" ON "learning_record" USING btree ("user_id","resource_id");--> statement-breakpoint
CREATE INDEX "learning_record_org_idx" ON "learning_record" USING btree ("org_id","campaign_id");--> statement-breakpoint
CREATE INDEX "learning_record_campaign_idx" ON "learning_record" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "library_resource_words_idx" ON "library_resource" USING gin ("search_words") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "library_resource_groups_idx" ON "library_resource" USING gin ("learner_groups");--> statement-breakpoint
CREATE INDEX "library_resource_competence_idx" ON "library_resource" USING gin ("competence_areas");--> statement-breakpoint
CREATE INDEX "library_resource_public_idx" ON "library_resource" USING btree ("status","published_at" DESC NULLS FIRST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "library_resource_org_idx" ON "library_resource" USING btree ("org_id","updated_at");
CREATE TYPE "public"."admin_unit_kind" AS ENUM('tinh', 'thanh_pho_tw', 'xa', 'phuong', 'dac_khu', 'huyen', 'quan', 'thi_xa', 'thanh_pho');--> statement-breakpoint
CREATE TYPE "public"."edu_app_licence" AS ENUM('free', 'open_source', 'free_with_ads', 'freemium');--> statement-breakpoint
CREATE TYPE "public"."edu_app_status" AS ENUM('proposed', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."partner_kind" AS ENUM('technology', 'telecom', 'newspaper', 'television', 'radio', 'education', 'other');--> statement-breakpoint
CREATE TYPE "public"."sponsorship_kind" AS ENUM('money', 'in_kind');--> statement-breakpoint
CREATE TYPE "public"."activity_mode" AS ENUM('in_person', 'online', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."activity_status" AS ENUM('draft', 'published', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."activity_type" AS ENUM('opening_ceremony', 'seminar', 'training_class', 'club_meeting', 'reading_event', 'exhibition', 'contest_launch', 'international_forum', 'publicity', 'other');--> statement-breakpoint
CREATE TYPE "public"."attendance_method" AS ENUM('ticket_scan', 'ticket_code', 'activity_code', 'join_link', 'self_report', 'manual');--> statement-breakpoint
CREATE TYPE "public"."attendance_mode" AS ENUM('onsite', 'online');--> statement-breakpoint
CREATE TYPE "public"."online_platform" AS ENUM('zoom', 'google_meet', 'teams', 'k12online', 'youtube_live', 'other');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('registered', 'waitlisted', 'cancelled');--> statement-breakpoint
CREATE TABLE "admin_unit" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "admin_unit_kind" NOT NULL,
	"parent_code" text,
	"valid_from" date,
	"valid_to" date,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "distancing_order" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"admin_unit_code" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"lifted_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "edu_app" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"partner_id" text,
	"name" text NOT NULL,
	"age_min" integer NOT NULL,
	"age_max" integer NOT NULL,
	"platforms" jsonb NOT NULL,
	"url" text NOT NULL,
	"licence" "edu_app_licence" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "edu_app_status" DEFAULT 'proposed' NOT NULL,
	"proposed_by" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text DEFAULT '' NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"node_id" text NOT NULL,
	"kind" "partner_kind" NOT NULL,
	"name" text NOT NULL,
	"website" text,
	"description" text DEFAULT '' NOT NULL,
	"search_text" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_contact" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"position" text,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sponsorship" (
	"id" text PRIMARY KEY NOT NULL,
	"partner_id" text NOT NULL,
	"org_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"kind" "sponsorship_kind" NOT NULL,
	"value_vnd" bigint NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"received_on" date NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"campaign_id" text NOT NULL,
	"host_unit_id" text NOT NULL,
	"partner_id" text,
	"partner_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"type" "activity_type" NOT NULL,
	"mode" "activity_mode" NOT NULL,
	"online_only" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"admin_unit_code" text,
	"platform" "online_platform",
	"meeting_url" text,
	"external_url" text,
	"recording_url" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer,
	"target_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "activity_status" DEFAULT 'draft' NOT NULL,
	"code_secret" text NOT NULL,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_material" (
	"id" text PRIMARY KEY NOT NULL,
	"activity_id" text NOT NULL,
	"org_id" text NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"file_key" text,
	"file_name" text,
	"content_type" text,
	"size" integer,
	"sha256" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"id" text PRIMARY KEY NOT NULL,
	"activity_id" text NOT NULL,
	"registration_id" text NOT NULL,
	"org_id" text NOT NULL,
	"mode" "attendance_mode" NOT NULL,
	"method" "attendance_method" NOT NULL,
	"recorded_by" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_event" (
	"id" text PRIMARY KEY NOT NULL,
	"registration_id" text NOT NULL,
	"org_id" text NOT NULL,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"notice_version" text NOT NULL,
	"channel" text NOT NULL,
	"recorded_by" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"activity_id" text NOT NULL,
	"org_id" text NOT NULL,
	"user_id" text,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"learner_group" text,
	"status" "registration_status" NOT NULL,
	"ticket_code" text NOT NULL,
	"token" text NOT NULL,
	"assisted_by_user_id" text,
	"assisted_by_label" text,
	"learning_note" text,
	"completed_at" timestamp with time zone,
	"certificate_code" text,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "distancing_order" ADD CONSTRAINT "distancing_order_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distancing_order" ADD CONSTRAINT "distancing_order_admin_unit_code_admin_unit_code_fk" FOREIGN KEY ("admin_unit_code") REFERENCES "public"."admin_unit"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edu_app" ADD CONSTRAINT "edu_app_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edu_app" ADD CONSTRAINT "edu_app_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner" ADD CONSTRAINT "partner_node_id_org_node_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_contact" ADD CONSTRAINT "partner_contact_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorship" ADD CONSTRAINT "sponsorship_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsorship" ADD CONSTRAINT "sponsorship_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_org_id_org_node_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_campaign_id_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaign"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_host_unit_id_org_node_id_fk" FOREIGN KEY ("host_unit_id") REFERENCES "public"."org_node"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_partner_id_partner_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partner"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_material" ADD CONSTRAINT "activity_material_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance" ADD CONSTRAINT "attendance_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_event" ADD CONSTRAINT "consent_event_registration_id_registration_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registration"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration" ADD CONSTRAINT "registration_activity_id_activity_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_unit_parent_idx" ON "admin_unit" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "distancing_order_unit_idx" ON "distancing_order" USING btree ("admin_unit_code","starts_on");--> statement-breakpoint
CREATE INDEX "edu_app_org_idx" ON "edu_app" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "partner_org_idx" ON "partner" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_node_idx" ON "partner" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "partner_contact_partner_idx" ON "partner_contact" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "sponsorship_campaign_idx" ON "sponsorship" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "sponsorship_partner_idx" ON "sponsorship" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "activity_campaign_idx" ON "activity" USING btree ("campaign_id","starts_at");--> statement-breakpoint
CREATE INDEX "activity_org_idx" ON "activity" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "activity_partner_idx" ON "activity" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "activity_unit_place_idx" ON "activity" USING btree ("admin_unit_code");--> statement-breakpoint
CREATE INDEX "activity_material_activity_idx" ON "activity_material" USING btree ("activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_registration_mode_idx" ON "attendance" USING btree ("registration_id","mode");--> statement-breakpoint
CREATE INDEX "attendance_activity_idx" ON "attendance" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "consent_event_registration_idx" ON "consent_event" USING btree ("registration_id","at");--> statement-breakpoint
CREATE INDEX "registration_activity_idx" ON "registration" USING btree ("activity_id","status","seq");--> statement-breakpoint
CREATE INDEX "registration_user_idx" ON "registration" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_ticket_idx" ON "registration" USING btree ("ticket_code");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_token_idx" ON "registration" USING btree ("token");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_certificate_idx" ON "registration" USING btree ("certificate_code");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_user_live_idx" ON "registration" USING btree ("activity_id","user_id") WHERE "registration"."status" <> 'cancelled' and "registration"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "registration_email_live_idx" ON "registration" USING btree ("activity_id","email") WHERE "registration"."status" <> 'cancelled' and "registration"."email" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "registration_phone_live_idx" ON "registration" USING btree ("activity_id","phone") WHERE "registration"."status" <> 'cancelled' and "registration"."phone" is not null;
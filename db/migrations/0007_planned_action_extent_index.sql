-- Event checks look for live actions whose own extent (a box around the circle)
-- and window meet the checked ones: one GiST index answers both conditions.
-- The centre-point index it replaces had to be searched out to the largest radius
-- anyone may enter (100 km), which around a city is most actions of the year.
CREATE INDEX "planned_actions_live_extent_gist_idx" ON "planned_actions" USING gist (earth_box(ll_to_earth("lat", "lon"), "radius_m"::float8), tstzrange("starts_at", "ends_at")) WHERE "cancelled_at" IS NULL;
--> statement-breakpoint
DROP INDEX IF EXISTS "planned_actions_place_gist_idx";

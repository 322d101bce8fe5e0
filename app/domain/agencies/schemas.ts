// Shared by routes (browser bundle) and services: zod and pure data only.
import { AGENCY_KINDS } from "../vocabulary";
import { ADMIN_PAGE_SIZE, optionalParam, pageParam } from "../office/schemas";
import { z } from "../validation";
import { isCountryCode } from "./countries";

export const countryField = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "validation.country");

export const agencyFormSchema = z.object({
  name: z
    .string()
    .trim()
    .transform((s) => s.replace(/\s+/g, " "))
    .pipe(z.string().min(2).max(120)),
  country: countryField,
  kind: z.enum(AGENCY_KINDS),
});
export type AgencyFormInput = z.input<typeof agencyFormSchema>;

export const updateAgencySchema = agencyFormSchema.extend({
  // the row's updated_at when the form was opened: a stale form gets Conflict, not a silent overwrite
  version: z.string().datetime().optional(),
});

export const agencyFiltersSchema = z.object({
  country: optionalParam(countryField),
  kind: optionalParam(z.enum(AGENCY_KINDS)),
  q: optionalParam(z.string().trim().min(1).max(120)),
  page: pageParam,
  pageSize: z.coerce.number().int().min(1).max(500).catch(ADMIN_PAGE_SIZE),
});
export type AgencyFilters = z.output<typeof agencyFiltersSchema>;

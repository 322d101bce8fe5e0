// Shared by the administration routes (browser bundle) and services: zod only.
import { OFFICE_ROLES } from "../vocabulary";
import { z } from "../validation";

export const ADMIN_PAGE_SIZE = 25;

/** A page number from the URL: anything odd falls back to the first page. */
export const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1);

/** An optional filter from the URL: an invalid value is ignored rather than refused. */
export const optionalParam = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional()).catch(undefined);

export const rolePoliciesSchema = z.object({
  // one checkbox per role; an unchecked box is simply absent
  requireTotp: z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(OFFICE_ROLES)).max(OFFICE_ROLES.length),
  ),
});
export type RolePoliciesInput = z.input<typeof rolePoliciesSchema>;

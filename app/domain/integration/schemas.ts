// Input schemas of the token verbs. Pure: the admin form and the services share them.
import { z } from "../validation";
import { API_TOKEN_SCOPES } from "./vocabulary";

const scopes = z.preprocess(
  // one checkbox arrives as a string, several as an array, none as nothing
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(API_TOKEN_SCOPES)).min(1),
);

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  agencyId: z.string().uuid(),
  actingUserId: z.string().trim().min(1),
  scopes,
  // a calendar date: the token works through that day (UTC) and not after
  expiresOn: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

export const listApiTokensSchema = z.object({
  agency: z.string().uuid().optional().or(z.literal("").transform(() => undefined)),
  state: z.enum(["active", "expired", "revoked"]).optional().or(z.literal("").transform(() => undefined)),
});

import { z } from "../validation";

export const NOTIFICATIONS_PAGE_SIZE = 30;

export const notificationListSchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  unread: z
    .enum(["1", "0", ""])
    .optional()
    .transform((v) => v === "1"),
});

export const markReadSchema = z.object({
  ids: z.array(z.string().uuid()).min(1).max(500),
});

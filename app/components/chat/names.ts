import { useTranslation } from "react-i18next";
import type { ChannelListItem } from "../../domain/chat/types";

type Named = Pick<ChannelListItem, "kind" | "name" | "isGeneral" | "otherUsers">;

/** What a channel is called for this reader: operation channels by name, conversations by the other people. */
export function useChannelTitle() {
  const { t } = useTranslation("chat");
  return (c: Named) => {
    if (c.kind === "operation") return c.isGeneral ? t("chat:channel.general") : (c.name ?? "");
    const others = c.otherUsers ?? [];
    if (others.length === 0) return t("chat:channel.just_you");
    if (c.kind === "direct") return others[0]!.name;
    return others.map((u) => u.name).join(", ");
  };
}

/** Initials for an avatar: first letters of the first and last word. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = words[0]!.charAt(0);
  const last = words.length > 1 ? words[words.length - 1]!.charAt(0) : "";
  return (first + last).toUpperCase();
}

/** A stable colour per person, so the same officer looks the same everywhere. */
export function avatarHue(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) % 360;
  return h;
}

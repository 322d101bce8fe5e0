import { useTranslation } from "react-i18next";
import type { PresenceStatus } from "../../domain/chat/types";
import { avatarHue, initials } from "./names";

export function PresenceDot({ status }: { status: PresenceStatus }) {
  const { t } = useTranslation("chat");
  return (
    <span className={`presence-dot presence-${status}`} title={t(`chat:presence.${status}`)}>
      <span className="sr-only">{t(`chat:presence.${status}`)}</span>
    </span>
  );
}

/** Initials in a coloured circle, with the person's presence when it is known. */
export function ChatAvatar({ user, status, size = 32 }: { user: { id: string; name: string }; status?: PresenceStatus; size?: number }) {
  return (
    <span className="chat-avatar" style={{ width: size, height: size, fontSize: size * 0.38, background: `hsl(${avatarHue(user.id)} 45% 29%)` }} aria-hidden={status ? undefined : true}>
      <span aria-hidden="true">{initials(user.name)}</span>
      {status ? <PresenceDot status={status} /> : null}
    </span>
  );
}

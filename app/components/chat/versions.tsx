import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MessageVersionDto } from "../../domain/chat/types";
import { chatApi } from "../../hooks/use-chat";
import { formatDateTime } from "../../utils/format";
import { HandlingBadge } from "../board/labels";
import { MessageBody } from "./message-body";

/** "edited": opens the earlier versions of the message, oldest first, with who replaced each and when. */
export function VersionsButton({ messageId, lng, timeZone }: { messageId: string; lng: string; timeZone: string }) {
  const { t } = useTranslation("chat");
  const [versions, setVersions] = useState<MessageVersionDto[] | null>(null);
  const [failed, setFailed] = useState(false);
  const load = async () => {
    if (versions) return;
    try {
      const res = await chatApi<{ versions: MessageVersionDto[] }>("/api/chat/versions", { messageId });
      setVersions(res.versions);
    } catch {
      setFailed(true);
    }
  };
  return (
    <details className="chat-versions" onToggle={(e) => (e.currentTarget.open ? void load() : undefined)}>
      <summary className="chat-edited" title={t("chat:message.show_versions")}>
        {t("chat:message.edited")}
      </summary>
      <div className="chat-versions-panel" role="region" aria-label={t("chat:message.versions")}>
        <h3>{t("chat:message.versions")}</h3>
        {failed ? <p className="field-error">{t("chat:errors.internal")}</p> : null}
        {!versions && !failed ? <p className="small muted">{t("chat:timeline.loading")}</p> : null}
        {versions?.length === 0 ? <p className="small muted">{t("chat:message.no_versions")}</p> : null}
        <ol className="chat-versions-list">
          {versions?.map((v, i) => (
            <li key={i}>
              <div className="small muted">
                <HandlingBadge code={v.handlingCode} /> {t("chat:message.replaced_by", { name: v.replacedBy.name, time: formatDateTime(v.replacedAt, lng, timeZone) })}
              </div>
              <MessageBody body={v.body} operationId={null} mentions={[]} taskLabel={t("chat:message.task_chip")} />
            </li>
          ))}
        </ol>
      </div>
    </details>
  );
}

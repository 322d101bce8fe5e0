import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TaskHistory } from "../../domain/boards/get-task-history";
import { formatDateTime } from "../../utils/format";
import { useColumnName } from "./labels";

const INSTANTS = new Set(["dueAt", "windowStart", "windowEnd"]);
const FIELD_KEYS: Record<string, string> = {
  title: "title",
  description: "description",
  columnId: "column",
  dueAt: "due",
  priority: "priority",
  handlingCode: "handling_code",
  type: "type",
  plannedAction: "planned_action",
  assigneeIds: "assignees",
  labelIds: "labels",
  text: "checklist_item",
  done: "done",
  position: "position",
  body: "comment",
  mentions: "mentions",
  rank: "position",
};

/** "Who changed what (from → to), when", in the reader's language and time zone. */
export function TaskHistoryList({ history, lng, timeZone, taskHref }: { history: TaskHistory; lng: string; timeZone: string; taskHref?: (taskId: string) => string }) {
  const { t } = useTranslation(["boards", "common"]);
  const columnName = useColumnName();
  const none = t("common:none");
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return none;
    if (INSTANTS.has(field) && typeof value === "string") return formatDateTime(value, lng, timeZone);
    if (field === "assigneeIds" || field === "mentions") return (value as string[]).map((id) => (history.refs.users[id] ? `${history.refs.users[id]!.name} (${history.refs.users[id]!.country})` : "?")).join(", ");
    if (field === "labelIds") return (value as string[]).map((id) => history.refs.labels[id]?.name ?? "?").join(", ");
    if (field === "columnId" && typeof value === "string") return history.refs.columns[value] ? columnName(history.refs.columns[value]!) : "?";
    if (field === "priority") return t(`boards:priority.${value}`);
    if (field === "type") return t(`boards:types.${value}`);
    if (field === "done") return value ? t("common:yes") : t("common:no");
    if (field === "plannedAction" && typeof value === "object") {
      const pa = value as { kind?: string; windowStart?: string; address?: string | null };
      return [pa.kind ? t(`boards:action_kinds.${pa.kind}`) : "", pa.address ?? "", pa.windowStart ? formatDateTime(pa.windowStart, lng, timeZone) : ""].filter(Boolean).join(" · ");
    }
    const text = String(value);
    return text.length > 120 ? `${text.slice(0, 117)}…` : text;
  };
  if (history.entries.length === 0) return <p className="muted">{t("boards:history.empty")}</p>;
  return (
    <ol className="history">
      {[...history.entries].reverse().map((e) => {
        const changes = (e.details.changes ?? {}) as Record<string, { from: unknown; to: unknown }>;
        const fields = Object.entries(changes).filter(([f]) => f !== "rank" && f !== "position");
        return (
          <li key={e.id}>
            <div className="history-head">
              <strong>{(e.actorId && history.refs.users[e.actorId]?.name) || e.actorLabel}</strong> <span>{t(`boards:history.actions.${e.action.replace(".", "_")}`, { defaultValue: e.action })}</span>{" "}
              <time className="muted small" dateTime={e.at}>
                {formatDateTime(e.at, lng, timeZone)}
              </time>
            </div>
            {e.action === "task.linked" || e.action === "task.unlinked" ? <LinkedCard details={e.details} titles={history.refs.tasks} taskHref={taskHref} /> : null}
            {fields.length ? (
              <ul className="history-changes">
                {fields.map(([field, c]) => (
                  <li key={field}>
                    <span className="history-field">{t(`boards:fields.${FIELD_KEYS[field] ?? field}`, { defaultValue: field })}</span>:{" "}
                    {e.action === "task.created" ? (
                      <span>{show(field, c.to)}</span>
                    ) : (
                      <>
                        <del>{show(field, c.from)}</del> <span aria-hidden="true">→</span>
                        <span className="sr-only">{t("boards:history.to")}</span> <ins>{show(field, c.to)}</ins>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The other card of a link entry, by its current title when the reader can open it. */
function LinkedCard({ details, titles, taskHref }: { details: Record<string, unknown>; titles: TaskHistory["refs"]["tasks"]; taskHref?: (taskId: string) => string }) {
  const { t } = useTranslation("boards");
  const { kind, direction, otherTaskId } = details as { kind?: string; direction?: string; otherTaskId?: string };
  if (!kind || !direction || !otherTaskId) return null;
  const title = titles[otherTaskId]?.title;
  return (
    <p className="history-changes small">
      <span className="muted">{t(`boards:links.${kind}_${direction}`)}</span>{" "}
      {title === undefined ? <em>{t("boards:history.unknown_card")}</em> : taskHref ? <Link to={taskHref(otherTaskId)}>{title}</Link> : <span>{title}</span>}
    </p>
  );
}

import { Form, Link } from "@remix-run/react";
import { forwardRef, type CSSProperties, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { ColumnView } from "../../domain/boards/get-board";
import type { TaskCard as TaskCardData } from "../../domain/boards/views";
import { formatDateTime } from "../../utils/format";
import { CountryCode } from "../ui/misc";
import { HandlingBadge, LabelChip, PriorityBadge, useColumnName } from "./labels";

export interface CardProps {
  card: TaskCardData;
  href: string;
  lng: string;
  timeZone: string;
  columns: ColumnView[];
  canEdit: boolean;
  editing?: string[];
  style?: CSSProperties;
  dragging?: boolean;
  handleProps?: HTMLAttributes<HTMLElement>;
}

/** One card: everything a reader needs to triage without opening it. */
export const TaskCardView = forwardRef<HTMLLIElement, CardProps>(function TaskCardView(
  { card, href, lng, timeZone, columns, canEdit, editing, style, dragging, handleProps },
  ref,
) {
  const { t } = useTranslation(["boards", "common"]);
  const columnName = useColumnName();
  return (
    <li ref={ref} style={style} className={`task-card prio-edge-${card.priority}${dragging ? " is-dragging" : ""}`} data-task-id={card.id} data-testid="task-card">
      <div className="task-card-top">
        <HandlingBadge code={card.handlingCode} />
        <PriorityBadge priority={card.priority} />
        {card.type === "planned_action" ? (
          <span className="badge badge-violet pa-badge" title={t("boards:types.planned_action")}>
            <span aria-hidden="true">◎ </span>
            {card.actionKind ? t(`boards:action_kinds.${card.actionKind}`) : t("boards:types.planned_action")}
          </span>
        ) : null}
        {canEdit && handleProps ? (
          <button type="button" className="drag-handle" aria-label={t("boards:dnd.handle", { title: card.title })} {...handleProps}>
            <span aria-hidden="true">⋮⋮</span>
          </button>
        ) : null}
      </div>
      <Link to={href} className="task-card-title" prefetch="intent">
        {card.title}
      </Link>
      {card.labels.length ? (
        <div className="task-card-labels">
          {card.labels.map((l) => (
            <LabelChip key={l.id} label={l} />
          ))}
        </div>
      ) : null}
      <div className="task-card-meta">
        {card.dueAt ? (
          <span className={`due${card.overdue ? " overdue" : ""}`}>
            <span className="sr-only">{card.overdue ? t("boards:card.overdue") : t("boards:fields.due")}: </span>
            <span aria-hidden="true">⏱ </span>
            <time dateTime={card.dueAt}>{formatDateTime(card.dueAt, lng, timeZone)}</time>
          </span>
        ) : null}
        {card.checklist.total > 0 ? (
          <span className={`meta-pill${card.checklist.done === card.checklist.total ? " done" : ""}`} title={t("boards:card.checklist")}>
            <span aria-hidden="true">☑ </span>
            <span className="sr-only">{t("boards:card.checklist")}: </span>
            {card.checklist.done}/{card.checklist.total}
          </span>
        ) : null}
        {card.commentCount > 0 ? (
          <span className="meta-pill" title={t("boards:card.comments", { count: card.commentCount })}>
            <span aria-hidden="true">💬 </span>
            <span className="sr-only">{t("boards:card.comments", { count: card.commentCount })}: </span>
            {card.commentCount}
          </span>
        ) : null}
      </div>
      {card.assignees.length ? (
        <ul className="assignees" aria-label={t("boards:fields.assignees")}>
          {card.assignees.map((a) => (
            <li key={a.id} className={a.isMember ? undefined : "left"} title={a.agencyName}>
              <span className="avatar" aria-hidden="true">
                {initials(a.name)}
              </span>
              <span className="assignee-name">{a.name}</span>
              <CountryCode code={a.country} />
            </li>
          ))}
        </ul>
      ) : null}
      {editing?.length ? (
        <p className="editing-note" role="status">
          {t("boards:presence.editing", { names: editing.join(", ") })}
        </p>
      ) : null}
      {canEdit ? (
        <details className="move-form">
          <summary>{t("boards:card.move")}</summary>
          <Form method="post" className="row">
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="taskId" value={card.id} />
            <input type="hidden" name="version" value={card.version} />
            <label className="sr-only" htmlFor={`move-${card.id}`}>
              {t("boards:card.move_to")}
            </label>
            <select id={`move-${card.id}`} name="toColumnId" className="select select-sm" defaultValue={card.columnId}>
              {columns.map((c) => (
                <option key={c.id} value={c.id}>
                  {columnName(c)}
                </option>
              ))}
            </select>
            <button type="submit" className="btn btn-sm">
              {t("boards:card.move_button")}
            </button>
          </Form>
        </details>
      ) : null}
    </li>
  );
});

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join("");
}

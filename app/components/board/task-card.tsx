import { Link } from "@remix-run/react";
import { forwardRef, useMemo, type CSSProperties, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { HANDLING_CODES, PLANNED_ACTION_KINDS, TASK_PRIORITIES, type HandlingCode, type PlannedActionKind, type TaskPriority } from "../../domain/vocabulary";
import { formatDateTime } from "../../utils/format";
import { CountryCode } from "../ui/misc";
import { assigneesOf, labelsOf, type CardFace, type CardLookup } from "./card-face";
import { LabelChip, PRIORITY_TONE } from "./labels";

/**
 * Every string a card face shows, translated once per board rather than once per
 * card: a board renders a hundred cards or more, each with a dozen labels.
 */
export interface CardText {
  handlingLabel: string;
  handling: Record<HandlingCode, string>;
  priorityTitle: string;
  priority: Record<TaskPriority, string>;
  plannedAction: string;
  actionKinds: Record<PlannedActionKind, string>;
  overdue: string;
  due: string;
  checklist: string;
  assignees: string;
  drag(title: string): string;
  comments(count: number): string;
  editing(names: string): string;
}

export function useCardText(): CardText {
  const { t, i18n } = useTranslation(["boards", "common"]);
  const lng = i18n.language;
  return useMemo(() => {
    const comments = new Map<number, string>();
    const mark = "\u0000";
    const drag = t("boards:dnd.handle", { title: mark });
    const editing = t("boards:presence.editing", { names: mark });
    return {
      handlingLabel: t("boards:fields.handling_code"),
      handling: Object.fromEntries(HANDLING_CODES.map((c) => [c, t(`boards:handling.${c}`)])) as Record<HandlingCode, string>,
      priorityTitle: t("boards:fields.priority"),
      priority: Object.fromEntries(TASK_PRIORITIES.map((p) => [p, t(`boards:priority.${p}`)])) as Record<TaskPriority, string>,
      plannedAction: t("boards:types.planned_action"),
      actionKinds: Object.fromEntries(PLANNED_ACTION_KINDS.map((k) => [k, t(`boards:action_kinds.${k}`)])) as Record<PlannedActionKind, string>,
      overdue: t("boards:card.overdue"),
      due: t("boards:fields.due"),
      checklist: t("boards:card.checklist"),
      assignees: t("boards:fields.assignees"),
      drag: (title: string) => drag.replace(mark, title),
      editing: (names: string) => editing.replace(mark, names),
      comments: (count: number) => {
        let s = comments.get(count);
        if (s === undefined) comments.set(count, (s = t("boards:card.comments", { count })));
        return s;
      },
    };
    // the language decides every string
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, lng]);
}

export interface CardProps {
  card: CardFace;
  lookup: CardLookup;
  text: CardText;
  href: string;
  lng: string;
  timeZone: string;
  canEdit: boolean;
  editing?: string[];
  style?: CSSProperties;
  dragging?: boolean;
  handleProps?: HTMLAttributes<HTMLElement>;
}

/**
 * One card: everything a reader needs to triage without opening it. It moves by drag
 * and drop (mouse or keyboard); without either, its panel has a "Move to column" form.
 */
export const TaskCardView = forwardRef<HTMLLIElement, CardProps>(function TaskCardView(
  { card, lookup, text, href, lng, timeZone, canEdit, editing, style, dragging, handleProps },
  ref,
) {
  const labels = labelsOf(card, lookup);
  const assignees = assigneesOf(card, lookup);
  return (
    <li ref={ref} style={style} className={`task-card prio-edge-${card.priority}${dragging ? " is-dragging" : ""}`} data-task-id={card.id} data-testid="task-card">
      <div className="task-card-top">
        <span className={`hcode hcode-${card.handlingCode}`} title={text.handling[card.handlingCode]}>
          <span className="sr-only">{`${text.handlingLabel}: `}</span>
          {card.handlingCode}
        </span>
        <span className={`badge badge-${PRIORITY_TONE[card.priority]} prio prio-${card.priority}`} title={text.priorityTitle}>
          {text.priority[card.priority]}
        </span>
        {card.type === "planned_action" ? (
          <span className="badge badge-violet pa-badge" title={text.plannedAction}>
            <span aria-hidden="true">◎ </span>
            {card.actionKind ? text.actionKinds[card.actionKind] : text.plannedAction}
          </span>
        ) : null}
        {canEdit && handleProps ? (
          <button type="button" className="drag-handle" aria-label={text.drag(card.title)} {...handleProps}>
            <span aria-hidden="true">⋮⋮</span>
          </button>
        ) : null}
      </div>
      <Link to={href} className="task-card-title" prefetch="intent">
        {card.title}
      </Link>
      {labels.length ? (
        <div className="task-card-labels">
          {labels.map((l) => (
            <LabelChip key={l.id} label={l} />
          ))}
        </div>
      ) : null}
      {card.dueAt || card.checklist.total > 0 || card.commentCount > 0 ? (
        <div className="task-card-meta">
          {card.dueAt ? (
            <span className={`due${card.overdue ? " overdue" : ""}`}>
              <span className="sr-only">{`${card.overdue ? text.overdue : text.due}: `}</span>
              <span aria-hidden="true">⏱ </span>
              <time dateTime={card.dueAt}>{formatDateTime(card.dueAt, lng, timeZone)}</time>
            </span>
          ) : null}
          {card.checklist.total > 0 ? (
            <span className={`meta-pill${card.checklist.done === card.checklist.total ? " done" : ""}`} title={text.checklist}>
              <span aria-hidden="true">☑ </span>
              <span className="sr-only">{`${text.checklist}: `}</span>
              {`${card.checklist.done}/${card.checklist.total}`}
            </span>
          ) : null}
          {card.commentCount > 0 ? (
            <span className="meta-pill" title={text.comments(card.commentCount)}>
              <span aria-hidden="true">💬 </span>
              <span className="sr-only">{`${text.comments(card.commentCount)}: `}</span>
              {card.commentCount}
            </span>
          ) : null}
        </div>
      ) : null}
      {assignees.length ? (
        <ul className="assignees" aria-label={text.assignees}>
          {assignees.map((a) => (
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
          {text.editing(editing.join(", "))}
        </p>
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

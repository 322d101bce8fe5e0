import { useTranslation } from "react-i18next";
import type { ColumnView } from "../../domain/boards/get-board";
import type { LabelView } from "../../domain/boards/views";
import type { HandlingCode, TaskPriority } from "../../domain/vocabulary";

/** A default column shows its preset in the reader's language until a lead names it. */
export function useColumnName() {
  const { t } = useTranslation("boards");
  return (c: Pick<ColumnView, "name" | "preset">) => c.name ?? (c.preset ? t(`boards:columns.${c.preset}`) : "");
}

export function LabelChip({ label }: { label: Pick<LabelView, "name" | "colour"> }) {
  return <span className={`label-chip lc-${label.colour}`}>{label.name}</span>;
}

export const PRIORITY_TONE: Record<TaskPriority, string> = { low: "grey", normal: "blue", high: "amber", urgent: "red" };

export function PriorityBadge({ priority }: { priority: TaskPriority }) {
  const { t } = useTranslation("boards");
  return (
    <span className={`badge badge-${PRIORITY_TONE[priority]} prio prio-${priority}`} title={t("boards:fields.priority")}>
      {t(`boards:priority.${priority}`)}
    </span>
  );
}

export function HandlingBadge({ code }: { code: HandlingCode }) {
  const { t } = useTranslation("boards");
  return (
    <span className={`hcode hcode-${code}`} title={t(`boards:handling.${code}`)}>
      <span className="sr-only">{t("boards:fields.handling_code")}: </span>
      {code}
    </span>
  );
}

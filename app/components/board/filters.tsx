import { Form, Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { BoardView } from "../../domain/boards/get-board";
import { DUE_FILTERS } from "../../domain/boards/schemas";
import { TASK_PRIORITIES, TASK_TYPES } from "../../domain/vocabulary";

export const LANES = ["assignee", "agency", "priority"] as const;
export type Lane = (typeof LANES)[number];

/** Filters and swimlanes live in the URL: a filtered board can be bookmarked and shared. */
export function BoardFilters({ board }: { board: Pick<BoardView, "members" | "labels"> }) {
  const { t } = useTranslation(["boards", "common"]);
  const [params] = useSearchParams();
  const agencies = [...new Map(board.members.map((m) => [m.agencyId, m])).values()].sort((a, b) => a.agencyName.localeCompare(b.agencyName));
  const countries = [...new Set(board.members.map((m) => m.country))].sort();
  const active = ["assigneeId", "agencyId", "country", "labelId", "priority", "due", "type", "q", "lane"].some((k) => params.get(k));
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} className="select" defaultValue={params.get(name) ?? ""}>
        <option value="">{t("boards:filters.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Form method="get" className="filters board-filters" role="search" aria-label={t("boards:filters.title")}>
      <div className="field">
        <label htmlFor="f-q">{t("boards:filters.search")}</label>
        <input id="f-q" name="q" type="search" className="input" defaultValue={params.get("q") ?? ""} placeholder={t("boards:filters.search_placeholder")} />
      </div>
      {select("assigneeId", t("boards:fields.assignee"), [
        { value: "none", label: t("boards:filters.unassigned") },
        ...board.members.map((m) => ({ value: m.id, label: `${m.name} (${m.country})` })),
      ])}
      {select("agencyId", t("boards:filters.agency"), agencies.map((a) => ({ value: a.agencyId, label: `${a.agencyName} (${a.country})` })))}
      {select("country", t("boards:filters.country"), countries.map((c) => ({ value: c, label: c })))}
      {select("labelId", t("boards:fields.label"), board.labels.map((l) => ({ value: l.id, label: l.name })))}
      {select("priority", t("boards:fields.priority"), TASK_PRIORITIES.map((p) => ({ value: p, label: t(`boards:priority.${p}`) })))}
      {select("due", t("boards:fields.due"), DUE_FILTERS.map((d) => ({ value: d, label: t(`boards:filters.due_${d}`) })))}
      {select("type", t("boards:fields.type"), TASK_TYPES.map((x) => ({ value: x, label: t(`boards:types.${x}`) })))}
      {select("lane", t("boards:filters.swimlanes"), LANES.map((l) => ({ value: l, label: t(`boards:filters.lane_${l}`) })))}
      <div className="field filter-actions">
        <button type="submit" className="btn btn-primary">
          {t("boards:filters.apply")}
        </button>
        {active ? (
          <Link to="?" className="btn">
            {t("boards:filters.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

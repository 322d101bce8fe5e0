import type { TFunction } from "i18next";
import { TASK_PRIORITIES } from "../../domain/vocabulary";
import { assigneesOf, type CardFace, type CardLookup } from "./card-face";
import type { Lane } from "./filters";

export interface SwimLane {
  key: string;
  title: string;
  tasks: CardFace[];
}

/**
 * Cards grouped by assignee, assignees' agency or priority. A card with two assignees
 * appears in both people's lanes: each of them should see it in their row.
 */
export function buildLanes(board: { tasks: CardFace[] }, lookup: CardLookup, lane: Lane, t: TFunction): SwimLane[] {
  const lanes = new Map<string, SwimLane>();
  const add = (key: string, title: string, task: CardFace) => {
    const l = lanes.get(key) ?? { key, title, tasks: [] };
    l.tasks.push(task);
    lanes.set(key, l);
  };
  const none = t("boards:filters.unassigned");
  if (lane === "priority") {
    for (const p of [...TASK_PRIORITIES].reverse()) for (const task of board.tasks) if (task.priority === p) add(p, t(`boards:priority.${p}`), task);
    return [...lanes.values()];
  }
  for (const task of board.tasks) {
    const assignees = assigneesOf(task, lookup);
    if (assignees.length === 0) {
      add("~none", none, task);
      continue;
    }
    const seen = new Set<string>();
    for (const a of assignees) {
      const [key, title] = lane === "assignee" ? [a.id, `${a.name} (${a.country})`] : [a.agencyId, `${a.agencyName} (${a.country})`];
      if (seen.has(key)) continue;
      seen.add(key);
      add(key, title, task);
    }
  }
  return [...lanes.values()].sort((a, b) => (a.key === "~none" ? 1 : b.key === "~none" ? -1 : a.title.localeCompare(b.title)));
}

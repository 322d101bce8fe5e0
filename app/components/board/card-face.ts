// What the board page sends of each card: only what its face shows, people and labels
// by id (the board's member and label lists name them once). A board of hundreds of
// cards would otherwise repeat every assignee's agency and every label on each card.
import type { BoardView } from "../../domain/boards/get-board";
import type { AssigneeView, LabelView, TaskCard } from "../../domain/boards/views";

/** Cards the plain board loads per column before its "Show N more cards" link. */
export const CARDS_PER_COLUMN = 20;

export interface CardFace {
  id: string;
  columnId: string;
  title: string;
  dueAt: string | null;
  overdue: boolean;
  priority: TaskCard["priority"];
  handlingCode: TaskCard["handlingCode"];
  type: TaskCard["type"];
  actionKind: TaskCard["actionKind"];
  version: number;
  /** in name order; see BoardPageData.members and .otherAssignees */
  assigneeIds: string[];
  labelIds: string[];
  checklist: { done: number; total: number };
  commentCount: number;
}

export interface BoardPageData extends Omit<BoardView, "tasks"> {
  tasks: CardFace[];
  /** assignees of the loaded cards who are not in `members` (left the operation, or disabled) */
  otherAssignees: AssigneeView[];
}

export function boardPageData(board: BoardView): BoardPageData {
  const memberIds = new Set(board.members.map((m) => m.id));
  const others = new Map<string, AssigneeView>();
  const tasks = board.tasks.map((c): CardFace => {
    for (const a of c.assignees) if (!memberIds.has(a.id) && !others.has(a.id)) others.set(a.id, a);
    return {
      id: c.id,
      columnId: c.columnId,
      title: c.title,
      dueAt: c.dueAt,
      overdue: c.overdue,
      priority: c.priority,
      handlingCode: c.handlingCode,
      type: c.type,
      actionKind: c.actionKind,
      version: c.version,
      assigneeIds: c.assignees.map((a) => a.id),
      labelIds: c.labels.map((l) => l.id),
      checklist: c.checklist,
      commentCount: c.commentCount,
    };
  });
  return { ...board, tasks, otherAssignees: [...others.values()] };
}

export interface CardLookup {
  people: Map<string, AssigneeView>;
  labels: Map<string, LabelView>;
}

/** Names for the ids a card carries. */
export function cardLookup(board: Pick<BoardPageData, "members" | "otherAssignees" | "labels">): CardLookup {
  const people = new Map<string, AssigneeView>();
  for (const m of board.members) people.set(m.id, { id: m.id, name: m.name, agencyId: m.agencyId, agencyName: m.agencyName, country: m.country, isMember: true });
  for (const a of board.otherAssignees) people.set(a.id, a);
  return { people, labels: new Map(board.labels.map((l) => [l.id, l])) };
}

export function assigneesOf(card: CardFace, lookup: CardLookup): AssigneeView[] {
  const out: AssigneeView[] = [];
  for (const id of card.assigneeIds) {
    const p = lookup.people.get(id);
    if (p) out.push(p);
  }
  return out;
}

export function labelsOf(card: CardFace, lookup: CardLookup): LabelView[] {
  const out: LabelView[] = [];
  for (const id of card.labelIds) {
    const l = lookup.labels.get(id);
    if (l) out.push(l);
  }
  return out;
}

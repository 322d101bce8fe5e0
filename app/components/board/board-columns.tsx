import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { Link, useFetcher, useLocation, useNavigate } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ColumnView } from "../../domain/boards/get-board";
import type { BoardReply } from "./action.server";
import type { CardFace, CardLookup } from "./card-face";
import { useColumnName } from "./labels";
import { TaskCardView, useCardText } from "./task-card";

type Lists = Record<string, string[]>;

/**
 * Cards rendered per column and swimlane until the reader asks for all (swimlanes get
 * every card from the loader; the plain board gets only the first ones of a column).
 */
export const CARDS_SHOWN = 25;

/** The URL (same page) that also loads every card of `columnId`: `?cards=<id>`, repeatable, or `all`. */
export function moreCardsHref(pathname: string, search: string, columnId: string): string {
  const q = new URLSearchParams(search);
  if (!q.getAll("cards").includes(columnId)) q.append("cards", columnId);
  return `${pathname}?${q.toString()}`;
}

export interface BoardColumnsProps {
  columns: ColumnView[];
  tasks: CardFace[];
  /** names of the people and labels the cards carry by id */
  lookup: CardLookup;
  canEdit: boolean;
  lng: string;
  timeZone: string;
  hrefFor: (taskId: string) => string;
  editingBy: Record<string, string[]>;
  /** the foot of each column: the quick-create form */
  footer?: (column: ColumnView) => ReactNode;
  /** the lead's column settings, in the column's header */
  columnMenu?: (column: ColumnView) => ReactNode;
  /** drag and drop only on the plain board: in swimlanes a card's place is ambiguous */
  draggable: boolean;
  /**
   * true when `tasks` hold only the first cards of a column (the plain board): each
   * column offers the rest through `?cards=<column>`. Otherwise (swimlanes) every card
   * is at hand and each column shows CARDS_SHOWN of them until `?cards=all`.
   */
  partial?: boolean;
  onMoveRefused(message: string): void;
}

function listsOf(columns: ColumnView[], tasks: CardFace[]): Lists {
  const lists: Lists = Object.fromEntries(columns.map((c) => [c.id, [] as string[]]));
  for (const t of tasks) lists[t.columnId]?.push(t.id);
  return lists;
}

const containerOf = (lists: Lists, id: string) => (id in lists ? id : Object.keys(lists).find((k) => lists[k]!.includes(id)));

/**
 * Columns side by side. Dragging reorders locally at once and submits the move; the
 * server's order (shared by everyone) replaces the local one as soon as it reloads,
 * and a refused move (a stale card, a read-only operation) snaps back.
 */
export function BoardColumns(props: BoardColumnsProps) {
  const { columns, tasks, canEdit, draggable } = props;
  const { t } = useTranslation(["boards", "common"]);
  const columnName = useColumnName();
  const text = useCardText();
  const byId = useMemo(() => new Map(tasks.map((x) => [x.id, x])), [tasks]);
  const serverLists = useMemo(() => listsOf(columns, tasks), [columns, tasks]);
  const [lists, setLists] = useState<Lists>(serverLists);
  const [activeId, setActiveId] = useState<string | null>(null);
  const dragStart = useRef<Lists | null>(null);
  const fetcher = useFetcher<BoardReply>();
  const navigate = useNavigate();
  const location = useLocation();
  const showAll = new URLSearchParams(location.search).getAll("cards").includes("all");
  const allHref = (() => {
    const q = new URLSearchParams(location.search);
    q.set("cards", "all");
    return `${location.pathname}?${q.toString()}`;
  })();

  useEffect(() => {
    if (!activeId) setLists(serverLists);
  }, [serverLists, activeId]);

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data && !fetcher.data.ok) {
      setLists(serverLists);
      props.onMoveRefused(fetcher.data.formErrors[0] ?? "boards:errors.move_failed");
    }
    // only a new answer matters, not a later reload of the board
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titleOf = (id: string | number | undefined | null) => (id ? byId.get(String(id))?.title ?? "" : "");
  const placeOf = (id: string | number | undefined | null) => {
    if (!id) return { column: "", position: 0 };
    const col = containerOf(lists, String(id));
    const c = columns.find((x) => x.id === col);
    const position = col ? lists[col]!.indexOf(String(id)) + 1 : 0;
    return { column: c ? columnName(c) : "", position: Math.max(position, 1) };
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t("boards:dnd.picked_up", { title: titleOf(active.id), ...placeOf(active.id) }),
    onDragOver: ({ active, over }) => (over ? t("boards:dnd.moved_over", { title: titleOf(active.id), ...placeOf(over.id) }) : t("boards:dnd.not_over", { title: titleOf(active.id) })),
    onDragEnd: ({ active, over }) => (over ? t("boards:dnd.dropped", { title: titleOf(active.id), ...placeOf(over.id) }) : t("boards:dnd.cancelled", { title: titleOf(active.id) })),
    onDragCancel: ({ active }) => t("boards:dnd.cancelled", { title: titleOf(active.id) }),
  };

  function onDragStart(e: DragStartEvent) {
    setActiveId(String(e.active.id));
    dragStart.current = lists;
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over) return;
    const from = containerOf(lists, String(active.id));
    const to = containerOf(lists, String(over.id));
    if (!from || !to || from === to) return;
    setLists((prev) => {
      const source = prev[from]!.filter((id) => id !== active.id);
      const target = [...prev[to]!];
      const overIndex = target.indexOf(String(over.id));
      target.splice(overIndex >= 0 ? overIndex : target.length, 0, String(active.id));
      return { ...prev, [from]: source, [to]: target };
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const id = String(active.id);
    setActiveId(null);
    const original = dragStart.current;
    dragStart.current = null;
    if (!over || !original) {
      if (original) setLists(original);
      return;
    }
    const to = containerOf(lists, String(over.id));
    if (!to) return;
    let target = [...lists[to]!];
    const oldIndex = target.indexOf(id);
    const overIndex = target.indexOf(String(over.id));
    if (oldIndex >= 0 && overIndex >= 0 && oldIndex !== overIndex) {
      target.splice(oldIndex, 1);
      target.splice(overIndex, 0, id);
    }
    if (!target.includes(id)) target = [...target, id];
    setLists((prev) => ({ ...prev, [to]: target }));
    const fromColumn = containerOf(original, id);
    const unchanged = fromColumn === to && original[to]!.join() === target.join();
    if (unchanged) return;
    const card = byId.get(id);
    if (!card) return;
    const index = target.indexOf(id);
    const after = index > 0 ? target[index - 1] : undefined;
    const before = target[index + 1];
    const form: Record<string, string> = { intent: "move", taskId: id, toColumnId: to, version: String(card.version) };
    if (before) form.beforeTaskId = before;
    else if (after) form.afterTaskId = after;
    fetcher.submit(form, { method: "post" });
    // dropped below the last loaded card of a column that has more: load the rest,
    // or the card would leave the view with the column's next reload
    const toColumn = columns.find((c) => c.id === to);
    if (props.partial && !before && toColumn && !toColumn.complete) navigate(moreCardsHref(location.pathname, location.search, to), { replace: true, preventScrollReset: true });
  }

  const active = activeId ? byId.get(activeId) : null;
  const content = (
    <div className="board-columns" role="list" aria-label={t("boards:board.columns")}>
      {columns.map((c) => {
        const all = lists[c.id] ?? [];
        const ids = props.partial ? all : shown(all, showAll, activeId);
        // the plain board counts what the server did not send; swimlanes what they do not render
        const hidden = props.partial ? (c.complete ? 0 : Math.max(c.matchCount - serverCount(serverLists, c.id), 0)) : all.length - ids.length;
        return (
          <Column
            key={c.id}
            column={c}
            title={columnName(c)}
            ids={ids}
            hidden={hidden}
            moreHref={props.partial ? moreCardsHref(location.pathname, location.search, c.id) : allHref}
            footer={props.footer?.(c)}
            menu={props.columnMenu?.(c)}
          >
            {ids.map((id) => {
              const card = byId.get(id);
              if (!card) return null;
              const cardProps = { card, lookup: props.lookup, text, href: props.hrefFor(id), lng: props.lng, timeZone: props.timeZone, canEdit, editing: props.editingBy[id] };
              return draggable && canEdit ? <SortableCard key={id} {...cardProps} /> : <TaskCardView key={id} {...cardProps} />;
            })}
          </Column>
        );
      })}
    </div>
  );
  if (!draggable || !canEdit) return content;
  return (
    <DndContext
      id="board-dnd"
      sensors={sensors}
      collisionDetection={closestCorners}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => {
        setActiveId(null);
        if (dragStart.current) setLists(dragStart.current);
        dragStart.current = null;
      }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t("boards:dnd.instructions") } }}
    >
      {content}
      <DragOverlay>{active ? <ul className="task-list overlay"><TaskCardView card={active} lookup={props.lookup} text={text} href="#" lng={props.lng} timeZone={props.timeZone} canEdit={false} /></ul> : null}</DragOverlay>
    </DndContext>
  );
}

const serverCount = (lists: Lists, columnId: string) => lists[columnId]?.length ?? 0;

/** The first CARDS_SHOWN cards of a column (and the card being dragged, wherever it is). */
function shown(ids: string[], all: boolean, activeId: string | null): string[] {
  if (all || ids.length <= CARDS_SHOWN) return ids;
  const first = ids.slice(0, CARDS_SHOWN);
  return activeId && ids.includes(activeId) && !first.includes(activeId) ? [...first, activeId] : first;
}

function Column({
  column,
  title,
  ids,
  hidden,
  moreHref,
  footer,
  menu,
  children,
}: {
  column: ColumnView;
  title: string;
  ids: string[];
  hidden: number;
  moreHref: string;
  footer?: ReactNode;
  menu?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation("boards");
  const { setNodeRef, isOver } = useDroppable({ id: column.id });
  const headingId = `col-${column.id}`;
  return (
    <section role="listitem" className={`board-column${column.overWipLimit ? " over-wip" : ""}${column.isDone ? " is-done" : ""}${isOver ? " is-over" : ""}`} aria-labelledby={headingId} data-column-id={column.id}>
      <header className="board-column-head">
        <h2 id={headingId}>{title}</h2>
        <span className={`wip${column.overWipLimit ? " wip-over" : ""}`} title={column.wipLimit ? t("boards:board.wip_title", { limit: column.wipLimit }) : undefined}>
          {column.wipLimit ? `${column.taskCount}/${column.wipLimit}` : column.taskCount}
          {column.overWipLimit ? <span className="sr-only"> {t("boards:board.wip_exceeded")}</span> : null}
        </span>
        {menu}
      </header>
      {column.overWipLimit ? <p className="wip-warning">{t("boards:board.wip_exceeded")}</p> : null}
      <SortableContext id={column.id} items={ids} strategy={verticalListSortingStrategy}>
        <ul ref={setNodeRef} className="task-list" aria-label={t("boards:board.cards_in", { column: title })}>
          {children}
          {ids.length === 0 ? <li className="column-empty">{t("boards:board.column_empty")}</li> : null}
        </ul>
      </SortableContext>
      {hidden > 0 ? (
        <Link to={moreHref} className="btn btn-sm btn-link show-all-cards" preventScrollReset>
          {t("boards:board.show_all", { count: hidden })}
        </Link>
      ) : null}
      {footer}
    </section>
  );
}

function SortableCard(props: Omit<React.ComponentProps<typeof TaskCardView>, "style" | "dragging" | "handleProps">) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: props.card.id });
  return (
    <TaskCardView
      ref={setNodeRef}
      {...props}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      dragging={isDragging}
      handleProps={{ ...attributes, ...listeners }}
    />
  );
}

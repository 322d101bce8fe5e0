import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import type { SerializeFrom } from "@remix-run/node";
import { Form, Outlet, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { boardRefusal, runBoardAction } from "../components/board/action.server";
import { BoardColumns } from "../components/board/board-columns";
import { AddColumn, ColumnSettings, LabelManager } from "../components/board/board-settings";
import { BoardFilters, LANES, type Lane } from "../components/board/filters";
import { taskFieldsFromForm, moveFromForm, formString } from "../components/board/form-input";
import { boardPageData, cardLookup, CARDS_PER_COLUMN } from "../components/board/card-face";
import { buildLanes } from "../components/board/lanes";
import { useColumnName } from "../components/board/labels";
import { orNotFound } from "../components/operations/responses.server";
import { FieldError, FormErrors, useErrorText } from "../components/ui/field";
import { EmptyState } from "../components/ui/misc";
import type { ColumnView } from "../domain/boards/get-board";
import { boardFilterSchema } from "../domain/boards/schemas";
import { TASK_PRIORITIES } from "../domain/vocabulary";
import boardStyles from "../styles/board.css";
import { requireUser } from "../utils/auth.server";
import { useBoardLive } from "../components/board/live";
import { usePresence } from "../components/board/presence";
import { useRootData } from "../utils/root-data";
import { useStickyActionData } from "../hooks/use-sticky-action-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: boardStyles }];

/** Only the filters that parse: a hand-edited URL narrows less rather than failing. */
function filterFrom(params: URLSearchParams) {
  const out: Record<string, string> = {};
  for (const [key, schema] of Object.entries(boardFilterSchema.shape)) {
    const v = params.get(key);
    if (v && schema.safeParse(v).success) out[key] = v;
  }
  return out;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireUser(request, context);
  const operationId = params.id ?? "";
  const url = new URL(request.url);
  // notifications link to ?task=<id>: open the card (the detail route checks access)
  const task = url.searchParams.get("task");
  if (task && /^[0-9a-f-]{36}$/i.test(task)) throw redirect(`/operations/${operationId}/board/${task}`);
  const laneParam = url.searchParams.get("lane");
  const lane = (LANES as readonly string[]).includes(laneParam ?? "") ? (laneParam as Lane) : null;
  // the plain board loads the first cards of each column, the rest of a column on demand
  // (?cards=<column id>, or ?cards=all); swimlanes regroup every card, so they get all
  const wanted = url.searchParams.getAll("cards");
  const cards = lane ? undefined : { perColumn: CARDS_PER_COLUMN, full: wanted.includes("all") ? ("all" as const) : wanted };
  const board = await orNotFound(() => context.services.boards.getBoard({ actor, operationId, input: filterFrom(url.searchParams), cards }));
  return json({ board: boardPageData(board), timeZone: user.timeZone, lane });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, user } = await requireUser(request, context);
  const operationId = params.id ?? "";
  const fd = await request.formData();
  const intent = formString(fd, "intent");
  const boards = context.services.boards;
  if (intent === "create") {
    const input = { columnId: formString(fd, "columnId") || undefined, ...taskFieldsFromForm(fd, user.timeZone) };
    try {
      await boards.createTask({ actor, operationId, input });
    } catch (err) {
      return boardRefusal(err, intent, { columnId: input.columnId, title: input.title });
    }
    const url = new URL(request.url);
    return redirect(`/operations/${operationId}/board${url.search}`);
  }
  if (intent === "move") return runBoardAction(intent, () => boards.moveTask({ actor, operationId, input: moveFromForm(fd) }));
  if (intent === "label_create")
    return runBoardAction(intent, () => boards.createLabel({ actor, operationId, input: { name: formString(fd, "name"), colour: formString(fd, "colour") } }));
  if (intent === "label_update") {
    const labelId = formString(fd, "labelId");
    return runBoardAction(intent, () => boards.updateLabel({ actor, operationId, input: { labelId, name: formString(fd, "name"), colour: formString(fd, "colour") } }), { labelId });
  }
  if (intent === "label_delete") {
    const labelId = formString(fd, "labelId");
    return runBoardAction(intent, () => boards.deleteLabel({ actor, operationId, input: { labelId } }), { labelId });
  }
  if (intent === "column_move") {
    const columnId = formString(fd, "columnId");
    const position = formString(fd, "position").trim();
    return runBoardAction(intent, () => boards.moveColumn({ actor, operationId, input: { columnId, position: position === "" ? Number.NaN : Number(position) } }), { columnId });
  }
  if (intent === "column_create") {
    const wip = formString(fd, "wipLimit").trim();
    return runBoardAction(intent, () =>
      boards.createColumn({ actor, operationId, input: { name: formString(fd, "name"), wipLimit: wip === "" ? null : Number(wip) } }),
    );
  }
  if (intent === "column_archive") {
    const columnId = formString(fd, "columnId");
    const moveTasksTo = formString(fd, "moveTasksTo") || undefined;
    return runBoardAction(intent, () => boards.archiveColumn({ actor, operationId, input: { columnId, moveTasksTo } }), { columnId });
  }
  if (intent === "column_update") {
    const columnId = formString(fd, "columnId");
    const name = formString(fd, "name").trim();
    const wip = formString(fd, "wipLimit").trim();
    return runBoardAction(
      intent,
      () =>
        boards.updateColumn({
          actor,
          operationId,
          // an empty name keeps the translated default; an empty limit removes it
          input: { columnId, ...(name ? { name } : {}), wipLimit: wip === "" ? null : Number(wip), isDone: formString(fd, "isDone") === "true" },
        }),
      { columnId },
    );
  }
  throw new Response("Bad Request", { status: 400 });
}

const READ_ONLY_KEY = { observer: "boards:read_only.observer", jit_expired: "boards:read_only.jit_expired", closed: "boards:read_only.closed" } as const;

export default function BoardPage() {
  const { board, timeZone, lane } = useLoaderData<typeof loader>();
  const actionData = useStickyActionData<SerializeFrom<typeof action>>();
  const { t } = useTranslation(["boards", "common"]);
  const errorText = useErrorText();
  const { lng } = useRootData();
  const location = useLocation();
  const [toast, setToast] = useState<string | null>(null);
  useBoardLive(board.operation.id);
  const editingBy = usePresence(board.operation.id);
  const lookup = useMemo(() => cardLookup(board), [board]);
  const hrefFor = useCallback((taskId: string) => `/operations/${board.operation.id}/board/${taskId}${location.search}`, [board.operation.id, location.search]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);

  const footer = (c: ColumnView) => (board.canEdit ? <QuickCreate column={c} members={board.members} failed={actionData && !actionData.ok && actionData.intent === "create" && ((actionData.submitted as { columnId?: string } | undefined)?.columnId ?? board.columns[0]?.id) === c.id ? actionData : null} /> : null);
  const columnName = useColumnName();
  const columnMenu = board.canManageColumns ? (c: ColumnView) => <ColumnSettings column={c} columns={board.columns.map((x) => ({ id: x.id, name: columnName(x) }))} displayName={columnName(c)} failed={actionData && !actionData.ok ? actionData : null} /> : undefined;
  const common = { lookup, columnMenu, canEdit: board.canEdit, lng, timeZone, hrefFor, editingBy, footer, onMoveRefused: (m: string) => setToast(m) };
  const filtered = Object.keys(board.filter).length > 0;

  return (
    <div className="board-page">
      <div className="board-toolbar">
        <BoardFilters board={board} />
        <div className="row wrap">
          {board.canEdit ? <LabelManager labels={board.labels} canDelete={board.canManageColumns} failed={actionData && !actionData.ok ? actionData : null} /> : null}
          {board.canManageColumns ? <AddColumn failed={actionData && !actionData.ok ? actionData : null} count={board.columns.length} /> : null}
        </div>
      </div>
      {board.readOnlyReason ? (
        <div className="alert alert-warning" role="status">
          {t(READ_ONLY_KEY[board.readOnlyReason])}
        </div>
      ) : null}
      {actionData && !actionData.ok && actionData.intent === "move" ? <FormErrors errors={actionData.formErrors} /> : null}
      {toast ? (
        <div className="alert alert-error board-toast" role="alert">
          {errorText(toast)}
          <button type="button" className="btn btn-sm" onClick={() => setToast(null)}>
            {t("boards:actions.dismiss")}
          </button>
        </div>
      ) : null}
      {filtered ? <p className="small muted">{t("boards:filters.showing", { count: board.matchCount })}</p> : null}
      {board.columns.length === 0 ? (
        <div className="card">
          <EmptyState title={t("boards:board.no_columns")} />
        </div>
      ) : lane ? (
        buildLanes(board, lookup, lane, t).map((l) => (
          <section key={l.key} className="lane" aria-label={l.title}>
            <h2 className="lane-title">
              {l.title} <span className="badge badge-grey">{l.tasks.length}</span>
            </h2>
            <BoardColumns columns={board.columns} tasks={l.tasks} draggable={false} {...common} footer={undefined} />
          </section>
        ))
      ) : (
        <BoardColumns columns={board.columns} tasks={board.tasks} draggable partial {...common} />
      )}
      <Outlet />
    </div>
  );
}

function QuickCreate({ column, members, failed }: { column: ColumnView; members: { id: string; name: string; country: string }[]; failed: { fieldErrors: Record<string, string[]>; formErrors: string[] } | null }) {
  const { t } = useTranslation(["boards", "common"]);
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("columnId") === column.id;
  const id = `new-${column.id}`;
  return (
    <details className="quick-create" open={failed ? true : undefined} key={column.taskCount}>
      <summary className="btn btn-sm quick-create-toggle">+ {t("boards:create.add_card")}</summary>
      <Form method="post" className="form quick-create-form" key={busy ? "busy" : "idle"}>
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="columnId" value={column.id} />
        <FormErrors errors={failed?.formErrors} />
        <div className="field">
          <label htmlFor={`${id}-title`}>{t("boards:fields.title")}</label>
          <input id={`${id}-title`} name="title" className="input" required maxLength={200} aria-invalid={failed?.fieldErrors.title ? true : undefined} aria-describedby={`${id}-title-err`} />
          <FieldError id={`${id}-title-err`} errors={failed?.fieldErrors.title} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-assignee`}>{t("boards:fields.assignee")}</label>
          <select id={`${id}-assignee`} name="assigneeIds" className="select">
            <option value="">{t("common:none")}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.country})
              </option>
            ))}
          </select>
          <FieldError errors={failed?.fieldErrors.assigneeIds} />
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-priority`}>{t("boards:fields.priority")}</label>
            <select id={`${id}-priority`} name="priority" className="select" defaultValue="normal">
              {TASK_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {t(`boards:priority.${p}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-due`}>{t("boards:fields.due")}</label>
            <input id={`${id}-due`} name="dueAt" type="datetime-local" className="input" />
            <FieldError errors={failed?.fieldErrors.dueAt} />
          </div>
        </div>
        <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>
          {t("boards:create.submit")}
        </button>
      </Form>
    </details>
  );
}

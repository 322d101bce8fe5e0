import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { boardRefusal, type BoardReply } from "../components/board/action.server";
import { formString, moveFromForm, taskFieldsFromForm, versionFromForm } from "../components/board/form-input";
import { TaskHistoryList } from "../components/board/history";
import { HandlingBadge, LabelChip, PriorityBadge, useColumnName } from "../components/board/labels";
import { Markdown } from "../components/board/markdown";
import { MentionTextarea } from "../components/board/mention-textarea";
import { useAnnounceEditing, usePresence } from "../components/board/presence";
import { TaskForm } from "../components/board/task-form";
import { differences, valuesFromForm, valuesFromTask, type TaskFormValues } from "../components/board/task-values";
import { orNotFound } from "../components/operations/responses.server";
import { FieldError, FormErrors } from "../components/ui/field";
import { CountryCode } from "../components/ui/misc";
import type { BoardView } from "../domain/boards/get-board";
import { CHECKLIST_TEXT_MAX, COMMENT_BODY_MAX } from "../domain/boards/schemas";
import type { TaskDetail } from "../domain/boards/views";
import { TASK_LINK_KINDS } from "../domain/vocabulary";
import { requireUser } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { useRootData } from "../utils/root-data";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireUser(request, context);
  const operationId = params.id ?? "";
  const input = { taskId: params.taskId ?? "" };
  // a guessed id, another operation's card and a missing one all end in the same 404
  const [page, history] = await orNotFound(() =>
    Promise.all([context.services.boards.getTask({ actor, operationId, input }), context.services.boards.getTaskHistory({ actor, operationId, input })]),
  );
  return json({ ...page, history, timeZone: user.timeZone, userId: user.id });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, user } = await requireUser(request, context);
  const operationId = params.id ?? "";
  const taskId = params.taskId ?? "";
  const fd = await request.formData();
  const intent = formString(fd, "intent");
  const boards = context.services.boards;
  const back = () => redirect(`/operations/${operationId}/board/${taskId}${new URL(request.url).search}`);
  const run = async (fn: () => Promise<unknown>, submitted?: Record<string, unknown>) => {
    try {
      await fn();
    } catch (err) {
      return boardRefusal(err, intent, submitted);
    }
    return back();
  };
  const base = { actor, operationId };
  switch (intent) {
    case "update": {
      let newHits = 0;
      const reply = await run(
        async () => {
          newHits = (await boards.updateTask({ ...base, input: { taskId, version: versionFromForm(fd), ...taskFieldsFromForm(fd, user.timeZone) } })).newHitIds.length;
        },
        { values: valuesFromForm(fd) },
      );
      // the officer who acted is not notified of their own hit: tell them here
      return newHits > 0 ? json<BoardReply>({ ok: true, intent, formErrors: [], fieldErrors: {}, newHits }) : reply;
    }
    case "move":
      return run(() => boards.moveTask({ ...base, input: { ...moveFromForm(fd), taskId } }));
    case "checklist_add":
      return run(() => boards.addChecklistItem({ ...base, input: { taskId, text: formString(fd, "text") } }));
    case "checklist_toggle":
      return run(() => boards.updateChecklistItem({ ...base, input: { itemId: formString(fd, "itemId"), done: formString(fd, "done") === "true" } }));
    case "checklist_move":
      return run(() => {
        const position = formString(fd, "position").trim();
        return boards.moveChecklistItem({ ...base, input: { itemId: formString(fd, "itemId"), position: position === "" ? Number.NaN : Number(position) } });
      });
    case "checklist_remove":
      return run(() => boards.removeChecklistItem({ ...base, input: { itemId: formString(fd, "itemId") } }));
    case "comment":
      return run(() =>
        boards.addComment({ ...base, input: { taskId, body: formString(fd, "body"), mentions: fd.getAll("mentions").filter((v): v is string => typeof v === "string" && v !== "") } }),
      );
    case "comment_edit":
      return run(() =>
        boards.editComment({
          ...base,
          input: { commentId: formString(fd, "commentId"), body: formString(fd, "body"), mentions: fd.getAll("mentions").filter((v): v is string => typeof v === "string" && v !== "") },
        }),
      );
    case "link":
      return run(() => boards.linkTasks({ ...base, input: { taskId, otherTaskId: formString(fd, "otherTaskId"), kind: formString(fd, "kind") } }));
    case "unlink":
      return run(() => boards.unlinkTasks({ ...base, input: { linkId: formString(fd, "linkId") } }));
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

type BoardData = { board: BoardView; timeZone: string };

export default function TaskPanel() {
  const { task, canEdit, readOnlyReason, linkable, history, timeZone, userId } = useLoaderData<typeof loader>();
  const boardData = useRouteLoaderData("routes/operations.$id.board") as BoardData | undefined;
  const actionData = usePanelReply(task.id);
  const { t } = useTranslation(["boards", "common"]);
  const { lng } = useRootData();
  const location = useLocation();
  const columnName = useColumnName();
  const closeRef = useRef<HTMLAnchorElement>(null);
  useAnnounceEditing(task.id, canEdit);
  const editing = usePresence(task.operationId)[task.id];
  useEffect(() => {
    closeRef.current?.focus();
  }, [task.id]);
  const boardHref = `/operations/${task.operationId}/board${location.search}`;
  const members = boardData?.board.members ?? [];
  const labels = boardData?.board.labels ?? [];
  const failed = actionData && !actionData.ok ? actionData : null;
  const current = failed?.current as TaskDetail | null | undefined;
  const submitted = (failed?.submitted as { values?: TaskFormValues } | undefined)?.values;
  const stale = failed?.intent === "update" && !!current;
  const base = useEditBase(task, timeZone);
  // After a conflict the form carries the user's values on top of the newest version;
  // while open it keeps the version it was opened at, whatever live reloads bring.
  const formValues = stale ? submitted! : base.values;
  const formVersion = stale ? current!.version : base.version;
  const formKey = stale ? `stale-${current!.version}` : base.key;
  const errorsFor = (intent: string) => (failed?.intent === intent ? failed : null);

  return (
    <aside className="task-panel" aria-labelledby="task-panel-title" data-testid="task-panel">
      <div className="task-panel-head">
        <div>
          <p className="small muted">
            {columnName(task.column)} · {t("boards:detail.version", { version: task.version })}
          </p>
          <h2 id="task-panel-title">{task.title}</h2>
          <div className="row wrap">
            <HandlingBadge code={task.handlingCode} />
            <PriorityBadge priority={task.priority} />
            {task.type === "planned_action" && task.actionKind ? <span className="badge pa-badge">◎ {t(`boards:action_kinds.${task.actionKind}`)}</span> : null}
            {task.labels.map((l) => (
              <LabelChip key={l.id} label={l} />
            ))}
          </div>
        </div>
        <Link ref={closeRef} to={boardHref} className="btn btn-sm" aria-label={t("boards:detail.close")}>
          ✕ <span className="sr-only">{t("boards:detail.close")}</span>
        </Link>
      </div>

      {editing?.length ? (
        <div className="alert alert-info" role="status">
          {t("boards:presence.editing", { names: editing.join(", ") })}
        </div>
      ) : null}
      {readOnlyReason ? <div className="alert alert-warning">{t(`boards:read_only.${readOnlyReason}`)}</div> : null}

      {actionData?.ok && actionData.newHits ? (
        <div className="alert alert-warning" role="alert" data-testid="deconfliction-notice">
          {t("boards:deconfliction.new_hits", { count: actionData.newHits })}
        </div>
      ) : null}
      {stale ? <StaleNotice current={current!} mine={submitted!} timeZone={timeZone} names={[...members, ...labels]} /> : null}

      <dl className="dl task-facts">
        <dt>{t("boards:fields.due")}</dt>
        <dd className={task.overdue ? "overdue-text" : undefined}>{task.dueAt ? formatDateTime(task.dueAt, lng, timeZone) : t("common:none")}</dd>
        <dt>{t("boards:fields.assignees")}</dt>
        <dd>
          {task.assignees.length
            ? task.assignees.map((a) => (
                <span key={a.id} className="assignee-inline">
                  {a.name} <CountryCode code={a.country} />
                  {a.isMember ? null : <span className="muted small"> ({t("boards:detail.left_operation")})</span>}
                </span>
              ))
            : t("common:none")}
        </dd>
        {task.plannedAction ? (
          <>
            <dt>{t("boards:types.planned_action")}</dt>
            <dd>
              {t(`boards:action_kinds.${task.plannedAction.kind}`)} · {task.plannedAction.address ? `${task.plannedAction.address} · ` : ""}
              {task.plannedAction.latitude.toFixed(5)}, {task.plannedAction.longitude.toFixed(5)} (±{task.plannedAction.radiusM} m)
              <br />
              {formatDateTime(task.plannedAction.windowStart, lng, timeZone)} – {formatDateTime(task.plannedAction.windowEnd, lng, timeZone)}
            </dd>
          </>
        ) : null}
      </dl>

      {canEdit && boardData ? (
        // drag and drop's alternative: one select, here rather than on every card
        <Form method="post" className="row add-row wrap panel-move">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="version" value={task.version} />
          <label htmlFor="move-column">{t("boards:card.move_to")}</label>
          <select id="move-column" name="toColumnId" className="select select-sm" defaultValue={task.column.id} key={`${task.id}-${task.column.id}`}>
            {boardData.board.columns.map((c) => (
              <option key={c.id} value={c.id}>
                {columnName(c)}
              </option>
            ))}
          </select>
          <button type="submit" className="btn btn-sm">
            {t("boards:card.move_button")}
          </button>
          <FormErrors errors={errorsFor("move")?.formErrors} />
        </Form>
      ) : null}

      <section className="panel-section">
        <h3>{t("boards:fields.description")}</h3>
        {task.description ? <Markdown source={task.description} /> : <p className="muted">{t("boards:detail.no_description")}</p>}
      </section>

      {canEdit ? (
        <details className="panel-section edit-section" open={failed?.intent === "update" ? true : undefined} onToggle={(e) => base.setOpen(e.currentTarget.open)}>
          <summary>
            <h3>{t("boards:detail.edit")}</h3>
          </summary>
          <TaskForm
            key={formKey}
            values={formValues}
            version={formVersion}
            members={members}
            labels={labels}
            fieldErrors={errorsFor("update")?.fieldErrors}
            formErrors={stale ? undefined : errorsFor("update")?.formErrors}
            lng={lng}
            timeZone={timeZone}
            submitLabel={stale ? t("boards:stale.reapply") : t("common:actions.save")}
          />
        </details>
      ) : null}

      <section className="panel-section">
        <h3>
          {t("boards:card.checklist")} {task.checklist.total ? <span className="muted">({task.checklist.done}/{task.checklist.total})</span> : null}
        </h3>
        {task.checklist.total ? (
          <progress className="checklist-progress" max={task.checklist.total} value={task.checklist.done} aria-label={t("boards:card.checklist")} />
        ) : null}
        <ul className="checklist">
          {task.checklistItems.map((item, index) => (
            <li key={item.id} className={item.done ? "done" : undefined}>
              {canEdit ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="checklist_toggle" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <input type="hidden" name="done" value={item.done ? "false" : "true"} />
                  <button type="submit" className="check-toggle" aria-pressed={item.done} aria-label={t(item.done ? "boards:checklist.untick" : "boards:checklist.tick", { text: item.text })}>
                    {item.done ? "☑" : "☐"}
                  </button>
                </Form>
              ) : (
                <span aria-hidden="true">{item.done ? "☑" : "☐"}</span>
              )}
              <span className="checklist-text">{item.text}</span>
              {canEdit && task.checklistItems.length > 1 ? (
                <Form method="post" className="inline-form checklist-order">
                  <input type="hidden" name="intent" value="checklist_move" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <button type="submit" name="position" value={index - 1} className="btn btn-sm btn-link" disabled={index === 0} aria-label={t("boards:checklist.move_up", { text: item.text })}>
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="submit"
                    name="position"
                    value={index + 1}
                    className="btn btn-sm btn-link"
                    disabled={index === task.checklistItems.length - 1}
                    aria-label={t("boards:checklist.move_down", { text: item.text })}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                </Form>
              ) : null}
              {canEdit ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="checklist_remove" />
                  <input type="hidden" name="itemId" value={item.id} />
                  <button type="submit" className="btn btn-sm btn-link" aria-label={t("boards:checklist.remove", { text: item.text })}>
                    ✕
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {canEdit ? (
          <Form method="post" className="row add-row" key={task.checklist.total}>
            <input type="hidden" name="intent" value="checklist_add" />
            <label htmlFor="checklist-text" className="sr-only">
              {t("boards:checklist.new")}
            </label>
            <input id="checklist-text" name="text" className="input" required maxLength={CHECKLIST_TEXT_MAX} placeholder={t("boards:checklist.new")} />
            <button type="submit" className="btn btn-sm">
              {t("boards:checklist.add")}
            </button>
            <FieldError errors={errorsFor("checklist_add")?.fieldErrors.text} />
          </Form>
        ) : null}
        {failed && failed.intent.startsWith("checklist") ? <FormErrors errors={failed.formErrors} /> : null}
      </section>

      <section className="panel-section">
        <h3>{t("boards:links.title")}</h3>
        {task.links.length ? (
          <ul className="links-list">
            {task.links.map((l) => (
              <li key={l.id}>
                <span className="muted">{t(`boards:links.${l.kind}_${l.direction}`)}</span>{" "}
                <Link to={`/operations/${task.operationId}/board/${l.task.id}${location.search}`}>{l.task.title}</Link>
                {canEdit ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="unlink" />
                    <input type="hidden" name="linkId" value={l.id} />
                    <button type="submit" className="btn btn-sm btn-link" aria-label={t("boards:links.remove", { title: l.task.title })}>
                      ✕
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{t("boards:links.none")}</p>
        )}
        {canEdit ? (
          <Form method="post" className="row add-row wrap">
            <input type="hidden" name="intent" value="link" />
            <label htmlFor="link-kind" className="sr-only">
              {t("boards:links.kind")}
            </label>
            <select id="link-kind" name="kind" className="select select-sm">
              {TASK_LINK_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`boards:links.${k}_outgoing`)}
                </option>
              ))}
            </select>
            <label htmlFor="link-other" className="sr-only">
              {t("boards:links.other")}
            </label>
            <select id="link-other" name="otherTaskId" className="select select-sm" required>
              <option value="">{t("boards:links.choose")}</option>
              {linkable.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title}
                </option>
              ))}
            </select>
            <button type="submit" className="btn btn-sm">
              {t("boards:links.add")}
            </button>
            <FieldError errors={errorsFor("link")?.fieldErrors.otherTaskId ?? errorsFor("link")?.fieldErrors.kind} />
          </Form>
        ) : null}
      </section>

      <section className="panel-section">
        <h3>{t("boards:card.comments", { count: task.comments.length })}</h3>
        <ol className="comments">
          {task.comments.map((c) => (
            <li key={c.id} className="comment">
              <div className="comment-head">
                <strong>{c.author.name}</strong> <CountryCode code={c.author.country} />{" "}
                <time className="muted small" dateTime={c.createdAt}>
                  {formatDateTime(c.createdAt, lng, timeZone)}
                </time>
                {c.edited ? <span className="muted small"> · {t("boards:comments.edited")}</span> : null}
              </div>
              {c.mentions.length ? (
                <p className="small mentions">
                  {c.mentions.map((id) => `@${members.find((m) => m.id === id)?.name ?? "?"}`).join(" ")}
                </p>
              ) : null}
              <Markdown source={c.body} />
              {canEdit && c.author.id === userId ? (
                <details className="comment-edit" open={failed?.intent === "comment_edit" ? true : undefined}>
                  <summary className="small">{t("boards:comments.edit")}</summary>
                  <Form method="post" className="form" key={c.editedAt ?? c.createdAt}>
                    <input type="hidden" name="intent" value="comment_edit" />
                    <input type="hidden" name="commentId" value={c.id} />
                    {c.mentions.map((m) => (
                      <input key={m} type="hidden" name="mentions" value={m} />
                    ))}
                    <label htmlFor={`ce-${c.id}`} className="sr-only">
                      {t("boards:comments.edit")}
                    </label>
                    <textarea id={`ce-${c.id}`} name="body" className="textarea" rows={3} required maxLength={COMMENT_BODY_MAX} defaultValue={c.body} />
                    <FieldError errors={errorsFor("comment_edit")?.fieldErrors.body} />
                    <button type="submit" className="btn btn-sm">
                      {t("common:actions.save")}
                    </button>
                  </Form>
                </details>
              ) : null}
            </li>
          ))}
        </ol>
        {canEdit ? <CommentForm key={task.comments.length} members={members} failed={errorsFor("comment")} /> : null}
      </section>

      <section className="panel-section">
        <h3>{t("boards:history.title")}</h3>
        <TaskHistoryList history={history} lng={lng} timeZone={timeZone} taskHref={(id) => `/operations/${task.operationId}/board/${id}${location.search}`} />
      </section>
    </aside>
  );
}

/**
 * The action's last answer, kept across live reloads (a conflict shown to someone
 * editing must not vanish when another member's change arrives) and forgotten once
 * the reader's next change went through, or another card is opened.
 */
function usePanelReply(taskId: string): BoardReply | undefined {
  const fresh = useActionData<BoardReply>() as BoardReply | undefined;
  const navigation = useNavigation();
  const [kept, setKept] = useState<{ taskId: string; reply: BoardReply } | null>(fresh ? { taskId, reply: fresh } : null);
  const submitting = useRef(false);
  useEffect(() => {
    if (fresh !== undefined) setKept({ taskId, reply: fresh });
    // a new answer only: taskId is read, not watched
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fresh]);
  useEffect(() => {
    if (navigation.state === "submitting") submitting.current = true;
    else if (navigation.state === "idle" && submitting.current) {
      submitting.current = false;
      // a redirect answered: the change was saved, the old answer no longer applies
      if (fresh === undefined) setKept(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [navigation.state]);
  return fresh ?? (kept && kept.taskId === taskId ? kept.reply : undefined);
}

/**
 * What the edit form starts from. Closed, it follows the card as loaded; opened, it
 * keeps the version (and values) it was opened at until the reader saves: a live
 * reload must not swap the form under someone typing, nor let their save overwrite
 * a change they never saw; saving a stale version answers with the conflict instead.
 */
function useEditBase(task: TaskDetail, timeZone: string) {
  const navigation = useNavigation();
  const [pinned, setPinned] = useState<{ taskId: string; version: number; values: TaskFormValues; n: number } | null>(null);
  const counter = useRef(0);
  const open = useRef(false);
  const latest = useRef(task);
  latest.current = task;
  const pin = (t: TaskDetail) => setPinned({ taskId: t.id, version: t.version, values: valuesFromTask(t, timeZone), n: ++counter.current });
  const savedUpdate = useRef(false);
  useEffect(() => {
    if (navigation.state === "submitting") savedUpdate.current = navigation.formData?.get("intent") === "update";
    else if (navigation.state === "idle" && savedUpdate.current) {
      savedUpdate.current = false;
      // after the reader's own save the form starts again from what was saved
      if (open.current) pin(latest.current);
      else setPinned(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [navigation.state]);
  const current = pinned && pinned.taskId === task.id ? pinned : null;
  return {
    version: current ? current.version : task.version,
    values: current ? current.values : valuesFromTask(task, timeZone),
    key: current ? `pinned-${current.n}` : `live-${task.id}-${task.version}`,
    setOpen(isOpen: boolean) {
      open.current = isOpen;
      if (isOpen && !current) pin(latest.current);
      if (!isOpen) setPinned(null);
    },
  };
}

function StaleNotice({ current, mine, timeZone, names }: { current: TaskDetail; mine: TaskFormValues; timeZone: string; names: { id: string; name: string }[] }) {
  const { t } = useTranslation(["boards", "common"]);
  const now = valuesFromTask(current, timeZone);
  const fields = differences(now, mine);
  const ref = useRef<HTMLDivElement>(null);
  // the notice is what the user must read first: bring it into view and to the screen reader
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "start" });
    ref.current?.focus();
  }, [current.version]);
  const show = (k: keyof TaskFormValues, v: TaskFormValues) => {
    const value = v[k];
    if (Array.isArray(value)) {
      const known = [...names, ...current.assignees, ...current.labels];
      return value.map((id) => known.find((n) => n.id === id)?.name ?? id).join(", ") || t("common:none");
    }
    if (k === "priority") return t(`boards:priority.${value}`);
    if (k === "type") return t(`boards:types.${value}`);
    return value === "" ? t("common:none") : value;
  };
  return (
    <div ref={ref} tabIndex={-1} className="alert alert-warning stale" role="alert" data-testid="stale-notice">
      <strong>{t("boards:stale.title")}</strong>
      <p>{t("boards:stale.body")}</p>
      {fields.length ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("boards:stale.field")}</th>
                <th scope="col">{t("boards:stale.now")}</th>
                <th scope="col">{t("boards:stale.yours")}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((k) => (
                <tr key={k}>
                  <th scope="row">{t(`boards:form_fields.${k}`)}</th>
                  <td>{show(k, now)}</td>
                  <td>{show(k, mine)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("boards:stale.same")}</p>
      )}
    </div>
  );
}

/**
 * A new comment. Choosing a member from the @ list ticks them below, so they are told;
 * without JavaScript the boxes alone do it.
 */
function CommentForm({ members, failed }: { members: BoardView["members"]; failed: BoardReply | null }) {
  const { t } = useTranslation(["boards", "common"]);
  const [mentioned, setMentioned] = useState<Set<string>>(new Set());
  const toggle = (id: string, on: boolean) =>
    setMentioned((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <Form method="post" className="form comment-form">
      <input type="hidden" name="intent" value="comment" />
      <div className="field">
        <label htmlFor="comment-body">{t("boards:comments.new")}</label>
        <MentionTextarea
          id="comment-body"
          name="body"
          className="textarea"
          rows={3}
          required
          maxLength={COMMENT_BODY_MAX}
          members={members}
          onMention={(m) => toggle(m.id, true)}
          aria-describedby="comment-body-hint"
        />
        <span className="hint" id="comment-body-hint">
          {t("boards:mentions.hint")}
        </span>
        <FieldError errors={failed?.fieldErrors.body} />
      </div>
      <fieldset className="fieldset">
        <legend>{t("boards:comments.mention")}</legend>
        <div className="check-grid">
          {members.map((m) => (
            <label key={m.id} className="check">
              <input type="checkbox" name="mentions" value={m.id} checked={mentioned.has(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
              <span>@{m.name}</span>
            </label>
          ))}
        </div>
        <FieldError errors={failed?.fieldErrors.mentions} />
      </fieldset>
      <button type="submit" className="btn btn-primary btn-sm">
        {t("boards:comments.post")}
      </button>
    </Form>
  );
}

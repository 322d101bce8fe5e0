import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { runBoardAction } from "../components/board/action.server";
import { formString, versionFromForm } from "../components/board/form-input";
import { PriorityBadge } from "../components/board/labels";
import { FormErrors } from "../components/ui/field";
import { CountryCode, EmptyState, PageHeader } from "../components/ui/misc";
import boardStyles from "../styles/board.css";
import { requireRole } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: boardStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

const ROLES = ["office_lead", "admin"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, context, ROLES);
  const workload = await context.services.boards.getWorkload({ actor });
  // who may take a card, per operation that has cards to hand out (members only, observers cannot act)
  const opIds = [...new Set(workload.unassigned.map((u) => u.operationId))];
  const boards = await Promise.all(opIds.map((operationId) => context.services.boards.getBoard({ actor, operationId, input: { assigneeId: "none" } })));
  const assignable = Object.fromEntries(
    boards.map((b) => [b.operation.id, { canEdit: b.canEdit, members: b.members.filter((m) => m.role !== "observer").map((m) => ({ id: m.id, name: m.name, country: m.country })) }]),
  );
  return json({ workload, assignable });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, context, ROLES);
  const fd = await request.formData();
  const assignee = formString(fd, "assigneeId");
  return runBoardAction("reassign", () =>
    context.services.boards.reassignTask({ actor, input: { taskId: formString(fd, "taskId"), version: versionFromForm(fd), assigneeIds: assignee ? [assignee] : [] } }),
  );
}

export default function WorkloadPage() {
  const { workload, assignable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["boards", "common"]);
  const { lng, timeZone } = useRootData();
  const counts = (c: { open: number; overdue: number }) => (
    <>
      <td className="num">{c.open}</td>
      <td className={`num${c.overdue ? " overdue-cell" : ""}`}>{c.overdue}</td>
    </>
  );
  return (
    <>
      <PageHeader title={t("boards:workload.title")} description={t("boards:workload.description")} />
      {actionData?.ok ? (
        <div className="alert alert-success" role="status">
          {t("boards:workload.assigned")}
        </div>
      ) : (
        <FormErrors errors={actionData?.formErrors.length ? actionData.formErrors : Object.values(actionData?.fieldErrors ?? {}).flat()} />
      )}
      <div className="grid grid-3" style={{ marginBottom: "1rem" }}>
        <div className="card stat">
          <span className="value">{workload.totals.open}</span>
          <span className="label">{t("boards:workload.open")}</span>
        </div>
        <div className="card stat">
          <span className="value" style={workload.totals.overdue ? { color: "var(--c-danger)" } : undefined}>
            {workload.totals.overdue}
          </span>
          <span className="label">{t("boards:workload.overdue")}</span>
        </div>
        <div className="card stat">
          <span className="value">{workload.totals.unassigned}</span>
          <span className="label">{t("boards:workload.unassigned")}</span>
        </div>
      </div>
      {workload.operations.length === 0 ? (
        <div className="card">
          <EmptyState title={t("boards:workload.empty")} />
        </div>
      ) : (
        <div className="stack">
          <section className="card" aria-labelledby="wl-unassigned">
            <h2 id="wl-unassigned">{t("boards:workload.to_hand_out")}</h2>
            {workload.unassigned.length === 0 ? (
              <p className="muted">{t("boards:workload.none_unassigned")}</p>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("boards:workload.task")}</th>
                      <th scope="col">{t("boards:workload.operation")}</th>
                      <th scope="col">{t("boards:workload.priority")}</th>
                      <th scope="col">{t("boards:workload.due")}</th>
                      <th scope="col">{t("boards:workload.assign_to")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {workload.unassigned.map((u) => {
                      const who = assignable[u.operationId];
                      return (
                        <tr key={u.id}>
                          <td>
                            <Link className="task-row-title" to={`/operations/${u.operationId}/board/${u.id}`}>
                              {u.title}
                            </Link>
                          </td>
                          <td>{u.codeName}</td>
                          <td>
                            <PriorityBadge priority={u.priority} />
                          </td>
                          <td>{u.dueAt ? formatDateTime(u.dueAt, lng, timeZone) : "—"}</td>
                          <td>
                            {who?.canEdit ? (
                              <Form method="post" className="reassign-form">
                                <input type="hidden" name="taskId" value={u.id} />
                                <input type="hidden" name="version" value={u.version} />
                                <label className="sr-only" htmlFor={`as-${u.id}`}>
                                  {t("boards:workload.assign_to")} {u.title}
                                </label>
                                <select id={`as-${u.id}`} name="assigneeId" className="select select-sm" required>
                                  <option value="">—</option>
                                  {who.members.map((m) => (
                                    <option key={m.id} value={m.id}>
                                      {m.name} ({m.country})
                                    </option>
                                  ))}
                                </select>
                                <button type="submit" className="btn btn-sm">
                                  {t("boards:workload.assign")}
                                </button>
                              </Form>
                            ) : (
                              <span className="muted small">{t("boards:my_tasks.read_only")}</span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <div className="grid grid-2">
            <section className="card" aria-labelledby="wl-officer">
              <h2 id="wl-officer">{t("boards:workload.by_officer")}</h2>
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("boards:workload.officer")}</th>
                      <th scope="col">{t("boards:workload.open")}</th>
                      <th scope="col">{t("boards:workload.overdue")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {workload.byOfficer.map((o) => (
                      <tr key={o.userId}>
                        <td>
                          {o.name} <CountryCode code={o.country} /> <span className="muted small">{o.agencyName}</span>
                        </td>
                        {counts(o)}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <div className="stack">
              <section className="card" aria-labelledby="wl-agency">
                <h2 id="wl-agency">{t("boards:workload.by_agency")}</h2>
                <div className="table-wrap">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">{t("boards:workload.agency")}</th>
                        <th scope="col">{t("boards:workload.open")}</th>
                        <th scope="col">{t("boards:workload.overdue")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {workload.byAgency.map((a) => (
                        <tr key={a.agencyId}>
                          <td>
                            {a.agencyName} <CountryCode code={a.country} />
                          </td>
                          {counts(a)}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section className="card" aria-labelledby="wl-op">
                <h2 id="wl-op">{t("boards:workload.by_operation")}</h2>
                <div className="table-wrap">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">{t("boards:workload.operation")}</th>
                        <th scope="col">{t("boards:workload.open")}</th>
                        <th scope="col">{t("boards:workload.overdue")}</th>
                        <th scope="col">{t("boards:workload.unassigned")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {workload.operations.map((o) => (
                        <tr key={o.id}>
                          <td>
                            <Link to={`/operations/${o.id}/board`}>{o.codeName}</Link>
                          </td>
                          {counts(o)}
                          <td className="num">{o.unassigned}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            </div>
          </div>
        </div>
      )}
    </>
  );
}

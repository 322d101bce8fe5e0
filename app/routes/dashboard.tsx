import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, CountryCode, EmptyState, PageHeader } from "../components/ui/misc";
import { OperationStatusBadge } from "../components/operations/status-badge";
import { requireUser } from "../utils/auth.server";
import { formatCalendarDate, formatDateTime } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const meta: MetaFunction = () => [{ title: "Concordia" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireUser(request, context);
  const [operations, notifications, myTasks] = await Promise.all([
    context.services.operations.listMine({ actor }),
    context.services.notifications.list({ actor, input: { unread: "1" } }),
    context.services.boards.listMyTasks({ actor, input: { page: 1 } }),
  ]);
  return json({ operations, notifications: notifications.items.slice(0, 5), unread: notifications.total, firstName: user.name.split(" ")[0], myTasks: myTasks.items.slice(0, 5), myTaskTotal: myTasks.total });
}

export default function Dashboard() {
  const { operations, notifications, unread, firstName, myTasks, myTaskTotal } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["dashboard", "common", "operations", "notifications"]);
  const { lng, timeZone } = useRootData();
  return (
    <>
      <PageHeader title={t("dashboard:greeting", { name: firstName })} description={t("dashboard:subtitle")} />
      <div className="grid grid-3" style={{ marginBottom: "1rem" }}>
        <div className="card stat">
          <span className="value">{operations.length}</span>
          <span className="label">{t("dashboard:stats.operations")}</span>
        </div>
        <div className="card stat">
          <span className="value">{operations.filter((o) => o.status === "active").length}</span>
          <span className="label">{t("dashboard:stats.active")}</span>
        </div>
        <div className="card stat">
          <span className="value">{operations.filter((o) => o.memberRole === "lead").length}</span>
          <span className="label">{t("dashboard:stats.leading")}</span>
        </div>
      </div>
      <div className="grid grid-2">
        <section className="card" aria-labelledby="my-ops">
          <div className="card-title">
            <h2 id="my-ops">{t("dashboard:my_operations")}</h2>
            <Link to="/operations" className="small">
              {t("dashboard:all_operations")}
            </Link>
          </div>
          {operations.length === 0 ? (
            <EmptyState title={t("dashboard:no_operations.title")}>{t("dashboard:no_operations.body")}</EmptyState>
          ) : (
            <ul className="list">
              {operations.map((o) => (
                <li key={o.id} className="op-card">
                  <div className="row">
                    <h3 style={{ margin: 0 }}>
                      <Link to={`/operations/${o.id}`}>{o.codeName}</Link>
                    </h3>
                    <OperationStatusBadge status={o.status} />
                    <Badge tone="blue">{t(`operations:member_role.${o.memberRole}`)}</Badge>
                    {o.readOnlyReason === "jit_expired" ? <Badge tone="amber">{t("operations:read_only.jit_expired_short")}</Badge> : null}
                  </div>
                  <p className="muted small" style={{ margin: 0 }}>
                    {o.summary}
                  </p>
                  <div className="row small muted">
                    <CountryCode code={o.leadAgencyCountry} /> {o.leadAgencyName} · {t("operations:members_count", { count: o.memberCount })}
                    {o.jitEnd ? ` · ${t("operations:jit_until", { date: formatCalendarDate(o.jitEnd, lng) })}` : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="my-tasks">
            <h2 id="my-tasks">{t("dashboard:my_tasks")}</h2>
            {myTasks.length === 0 ? (
              <EmptyState title={t("dashboard:no_tasks.title")}>{t("dashboard:no_tasks.body")}</EmptyState>
            ) : (
              <ul className="list">
                {myTasks.map((task) => (
                  <li key={task.id}>
                    <div>
                      <Link to={`/operations/${task.operation.id}/board/${task.id}`}>{task.title}</Link>
                      <div className="small muted">
                        {task.operation.codeName}
                        {task.dueAt ? (
                          <>
                            {" · "}
                            <time dateTime={task.dueAt} style={task.overdue ? { color: "var(--c-danger)", fontWeight: 600 } : undefined}>
                              {formatDateTime(task.dueAt, lng, timeZone)}
                            </time>
                          </>
                        ) : null}
                      </div>
                    </div>
                  </li>
                ))}
              </ul>
            )}
            {myTaskTotal > 0 ? (
              <p className="small" style={{ marginTop: "0.5rem" }}>
                <Link to="/tasks">{t("boards:my_tasks.all")}</Link>
              </p>
            ) : null}
          </section>
          <section className="card" aria-labelledby="hits">
            <h2 id="hits">{t("dashboard:hits")}</h2>
            <EmptyState title={t("dashboard:no_hits.title")}>{t("dashboard:no_hits.body")}</EmptyState>
          </section>
          <section className="card" aria-labelledby="notifications">
            <div className="card-title">
              <h2 id="notifications">{t("dashboard:notifications")}</h2>
              <Link to="/notifications" className="small">
                {t("notifications:unread")}: {unread}
              </Link>
            </div>
            {notifications.length === 0 ? (
              <EmptyState title={t("dashboard:no_notifications.title")}>{t("dashboard:no_notifications.body")}</EmptyState>
            ) : (
              <ul className="list">
                {notifications.map((n) => (
                  <li key={n.id}>
                    <div>
                      {t(`notifications:kinds.${n.kind}`, {
                        actor: n.actorName ?? t("notifications:someone"),
                        operation: n.operationCodeName ?? "",
                        title: String(n.data.title ?? ""),
                        defaultValue: n.kind,
                      })}
                    </div>
                    <div className="small muted">{formatDateTime(n.createdAt, lng, timeZone)}</div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}

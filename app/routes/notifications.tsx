import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState, PageHeader, Pagination } from "../components/ui/misc";
import type { NotificationKind } from "../domain/vocabulary";
import { requireUser } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const meta: MetaFunction = () => [{ title: "Concordia" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const url = new URL(request.url);
  const list = await context.services.notifications.list({
    actor,
    input: { page: url.searchParams.get("page") ?? "1", unread: url.searchParams.get("unread") ?? "" },
  });
  return json(list);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const form = await request.formData();
  if (form.get("intent") === "read_all") {
    await context.services.notifications.markAllRead({ actor });
  } else {
    const ids = form.getAll("id").map(String);
    if (ids.length === 0) return json({ error: "validation.required" }, { status: 400 });
    try {
      await context.services.notifications.markRead({ actor, input: { ids } });
    } catch {
      return json({ error: "validation.invalid" }, { status: 400 });
    }
  }
  const to = form.get("redirectTo");
  return redirect(typeof to === "string" && to.startsWith("/notifications") ? to : "/notifications");
}

/** Where a notification leads: the thing it is about, inside its operation. */
function targetOf(n: { kind: NotificationKind; operationId: string | null; subjectType: string | null; subjectId: string | null }) {
  if (!n.operationId) return null;
  if (n.subjectType === "task" && n.subjectId) return `/operations/${n.operationId}/board?task=${n.subjectId}`;
  if (n.subjectType === "message" && n.subjectId) return `/operations/${n.operationId}/chat?message=${n.subjectId}`;
  if (n.subjectType === "hit" && n.subjectId) return `/deconfliction/hits/${n.subjectId}`;
  return `/operations/${n.operationId}`;
}

export default function Notifications() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation(["notifications", "common"]);
  const { lng, timeZone } = useRootData();
  const navigation = useNavigation();
  const here = `/notifications${data.unreadOnly ? "?unread=1" : ""}`;
  return (
    <>
      <PageHeader
        title={t("notifications:title")}
        description={t("notifications:subtitle")}
        actions={
          <Form method="post">
            <input type="hidden" name="intent" value="read_all" />
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="btn" disabled={navigation.state !== "idle"}>
              {t("notifications:mark_all_read")}
            </button>
          </Form>
        }
      />
      <nav className="tabs" aria-label={t("notifications:filter")}>
        <Link to="/notifications" className={data.unreadOnly ? undefined : "active"} aria-current={data.unreadOnly ? undefined : "page"}>
          {t("notifications:all")}
        </Link>
        <Link to="/notifications?unread=1" className={data.unreadOnly ? "active" : undefined} aria-current={data.unreadOnly ? "page" : undefined}>
          {t("notifications:unread")}
        </Link>
      </nav>
      <section className="card">
        {data.items.length === 0 ? (
          <EmptyState title={t("notifications:empty.title")}>{t("notifications:empty.body")}</EmptyState>
        ) : (
          <ul className="list">
            {data.items.map((n) => {
              const href = targetOf(n);
              const text = t(`notifications:kinds.${n.kind}`, {
                actor: n.actorName ?? t("notifications:someone"),
                operation: n.operationCodeName ?? "",
                title: String(n.data.title ?? ""),
                defaultValue: n.kind,
              });
              return (
                <li key={n.id} className={`notif${n.readAt ? "" : " unread"}`}>
                  <span className={`dot${n.readAt ? " read" : ""}`} aria-hidden="true" />
                  <div style={{ flex: 1 }}>
                    <div>{href ? <Link to={href}>{text}</Link> : text}</div>
                    <div className="small muted">
                      <time dateTime={n.createdAt} title={n.createdAt}>
                        {formatDateTime(n.createdAt, lng, timeZone)}
                      </time>
                      {n.readAt ? null : <span className="sr-only"> · {t("notifications:unread")}</span>}
                    </div>
                  </div>
                  {n.readAt ? null : (
                    <Form method="post">
                      <input type="hidden" name="id" value={n.id} />
                      <input type="hidden" name="redirectTo" value={here} />
                      <button type="submit" className="btn btn-sm">
                        {t("notifications:mark_read")}
                      </button>
                    </Form>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
    </>
  );
}

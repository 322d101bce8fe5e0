import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useOutlet, useParams, useRevalidator, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { PlannedActionFields } from "../components/deconfliction/planned-action-fields";
import { CheckAnswer } from "../components/deconfliction/planned-conflicts";
import { formValues, plannedActionFormSchema, plannedActionInput } from "../components/deconfliction/planned-form";
import { orNotFound } from "../components/operations/responses.server";
import { FormErrors } from "../components/ui/field";
import { Badge, EmptyState } from "../components/ui/misc";
import { fieldErrors } from "../domain/validation";
import { getSocket } from "../hooks/use-socket";
import { useStickyActionData } from "../hooks/use-sticky-action-data";
import planningStyles from "../styles/planning.css";
import { requireUser } from "../utils/auth.server";
import { formatDateTime, timeZoneName } from "../utils/format";
import { formRefusal } from "../utils/http.server";
import { useReader } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: planningStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const show = new URL(request.url).searchParams.get("show") === "all" ? "all" : "live";
  const data = await orNotFound(() => context.services.deconfliction.listPlannedActions({ actor, operationId: params.id ?? "", input: { show } }));
  return json(data);
}

type Check = { reasons: { code: string }[]; registeredAt: string; contact: { name: string; agency: string; country: string; phone: string | null; email: string } }[];
type Reply = { intent: string; values: ReturnType<typeof formValues>; fieldErrors: Record<string, string[]>; formErrors: string[]; check: Check | null };

/** Register (then open the action) or check without registering: the same form, two buttons. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, user } = await requireUser(request, context);
  const operationId = params.id ?? "";
  const fd = await request.formData();
  const intent = fd.get("intent") === "check" ? "check" : "register";
  const values = formValues(fd);
  const reply = (status: number, over: Partial<Reply>) => json<Reply>({ intent, values, fieldErrors: {}, formErrors: [], check: null, ...over }, { status });
  const parsed = plannedActionFormSchema.safeParse(Object.fromEntries(fd));
  if (!parsed.success) return reply(400, { fieldErrors: fieldErrors(parsed.error) });
  const input = plannedActionInput(parsed.data, user.timeZone);
  try {
    if (intent === "check") {
      const r = await context.services.deconfliction.checkPlannedAction({ actor, operationId, input });
      return reply(200, { check: r.conflicts });
    }
    const r = await context.services.deconfliction.registerPlannedAction({ actor, operationId, input });
    return redirect(`/operations/${operationId}/actions/${r.action.id}`);
  } catch (err) {
    const r = formRefusal(err, { forbidden: { read_only: "planning:errors.read_only" }, namespace: "planning" });
    return reply(r.status, { fieldErrors: r.fieldErrors, formErrors: r.formErrors });
  }
}

/**
 * A new hit for the reader (another operation registered an action that meets
 * one of ours) refetches the list and the open action. Board changes arrive
 * through the operation layout's live channel.
 */
function useHitsLive() {
  const revalidator = useRevalidator();
  const ref = useRef(revalidator);
  ref.current = revalidator;
  useEffect(() => {
    const socket = getSocket();
    if (!socket) return;
    const onHit = () => {
      if (ref.current.state === "idle") ref.current.revalidate();
    };
    socket.on("deconfliction:hit", onHit);
    return () => {
      socket.off("deconfliction:hit", onHit);
    };
  }, []);
}

export default function OperationActions() {
  useHitsLive();
  const { items, show, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["planning", "common"]);
  const { lng, timeZone } = useReader();
  const outlet = useOutlet();
  const params = useParams();
  const [search] = useSearchParams();
  const base = `/operations/${params.id}/actions`;
  return (
    <div className="plan-layout">
      <section className="card plan-list-card" aria-labelledby="plan-list-title">
        <div className="card-title">
          <h2 id="plan-list-title">{t("list.title")}</h2>
          <Link className="small" to={show === "all" ? base : `${base}?show=all`} replace>
            {show === "all" ? t("list.hide_cancelled") : t("list.show_cancelled")}
          </Link>
        </div>
        <p className="small muted">{t("list.times_in_zone", { zone: timeZoneName(lng, timeZone) })}</p>
        {items.length === 0 ? (
          <EmptyState title={t("list.empty_title")}>
            <p>{t("list.empty_body")}</p>
          </EmptyState>
        ) : (
          <ul className="plan-list">
            {items.map((a) => (
              <li key={a.id} className={params.actionId === a.id ? "plan-item active" : "plan-item"}>
                <Link to={`${base}/${a.id}${search.get("show") === "all" ? "?show=all" : ""}`} className="plan-item-link" aria-current={params.actionId === a.id ? "page" : undefined}>
                  <span className="plan-item-head">
                    <strong>{t(`kinds.${a.kind}`)}</strong>
                    {a.cancelledAt ? <Badge tone="grey">{t("list.cancelled")}</Badge> : null}
                    {a.openConflicts > 0 ? (
                      <Badge tone="red">{t("list.conflicts", { count: a.openConflicts })}</Badge>
                    ) : a.conflicts > 0 ? (
                      <Badge tone="green">{t("list.conflicts_resolved", { count: a.conflicts })}</Badge>
                    ) : (
                      <Badge tone="grey">{t("list.no_conflicts")}</Badge>
                    )}
                  </span>
                  <span className="plan-item-when">
                    {formatDateTime(a.startsAt, lng, timeZone)} – {formatDateTime(a.endsAt, lng, timeZone)}
                  </span>
                  <span className="plan-item-where small muted">
                    {a.address ? `${a.address} · ` : ""}
                    <span className="mono">
                      {a.lat.toFixed(5)}, {a.lon.toFixed(5)}
                    </span>{" "}
                    · {t("list.radius", { radius: a.radiusM })}
                  </span>
                  <span className="small muted">{a.source === "board" ? t("list.from_board") : t("list.entered_by", { name: a.registeredByName })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="plan-side">{outlet ?? (canEdit ? <NewActionForm /> : <ReadOnlyNote />)}</div>
    </div>
  );
}

function ReadOnlyNote() {
  const { t } = useTranslation("planning");
  return (
    <div className="card">
      <EmptyState title={t("form.read_only_title")}>
        <p>{t("form.read_only_body")}</p>
      </EmptyState>
    </div>
  );
}

function NewActionForm() {
  const { t } = useTranslation(["planning", "common"]);
  const { lng, timeZone } = useReader();
  const data = useStickyActionData<Reply>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formMethod === "POST";
  const zone = timeZoneName(lng, timeZone);
  return (
    <section className="card" aria-labelledby="plan-new-title">
      <h2 id="plan-new-title">{t("form.title")}</h2>
      <p className="small muted">{t("form.description")}</p>
      <Form method="post" className="form form-wide" noValidate>
        <FormErrors errors={data?.formErrors} />
        <PlannedActionFields values={data?.values ?? { radiusM: "250" }} errors={data?.fieldErrors} zone={zone} />
        <div className="form-actions">
          <button type="submit" name="intent" value="register" className="btn btn-primary" disabled={busy}>
            {t("form.register")}
          </button>
          <button type="submit" name="intent" value="check" className="btn" disabled={busy}>
            {t("form.check")}
          </button>
        </div>
        <p className="small muted">{t("form.check_hint")}</p>
      </Form>
      {data?.check ? (
        <div className="plan-check" aria-live="polite">
          <h3>{t("check.title")}</h3>
          <CheckAnswer conflicts={data.check} lng={lng} timeZone={timeZone} />
        </div>
      ) : null}
    </section>
  );
}

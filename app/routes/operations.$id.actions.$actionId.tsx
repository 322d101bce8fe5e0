import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import leafletStyles from "leaflet/dist/leaflet.css";
import { Form, Link, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MapView } from "../components/deconfliction/map-view";
import { PlannedActionFields } from "../components/deconfliction/planned-action-fields";
import { PlannedConflicts } from "../components/deconfliction/planned-conflicts";
import { formValues, plannedActionFormSchema, plannedActionInput } from "../components/deconfliction/planned-form";
import { isoToLocal } from "../components/board/time";
import { orNotFound } from "../components/operations/responses.server";
import { FormErrors } from "../components/ui/field";
import { Badge } from "../components/ui/misc";
import { fieldErrors } from "../domain/validation";
import { useStickyActionData } from "../hooks/use-sticky-action-data";
import { requireUser } from "../utils/auth.server";
import { formatDateTime, timeZoneName } from "../utils/format";
import { formRefusal } from "../utils/http.server";
import { useReader } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: leafletStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const data = await orNotFound(() => context.services.deconfliction.getPlannedAction({ actor, operationId: params.id ?? "", actionId: params.actionId ?? "" }));
  const { mapTileUrl, mapAttribution } = context.services.deps.config;
  return json({ ...data, tiles: mapTileUrl ? { url: mapTileUrl, attribution: mapAttribution ?? null } : null });
}

type Reply = { intent: string; values: ReturnType<typeof formValues>; fieldErrors: Record<string, string[]>; formErrors: string[]; saved?: boolean };

const REFUSALS = {
  forbidden: { read_only: "planning:errors.read_only" },
  conflict: { stale_action: "planning:errors.stale_action", action_from_board: "planning:errors.action_from_board", action_cancelled: "planning:errors.action_cancelled" },
  namespace: "planning",
};

/** Edit (checked again) or cancel an action entered here; the version guards against overwriting a colleague's change. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor, user } = await requireUser(request, context);
  const operationId = params.id ?? "";
  const actionId = params.actionId ?? "";
  const fd = await request.formData();
  const intent = fd.get("intent") === "cancel" ? "cancel" : "update";
  const values = formValues(fd);
  const reply = (status: number, over: Partial<Reply>) => json<Reply>({ intent, values, fieldErrors: {}, formErrors: [], ...over }, { status });
  try {
    if (intent === "cancel") {
      await context.services.deconfliction.cancelPlannedAction({ actor, operationId, actionId, input: { version: fd.get("version") } });
      return redirect(`/operations/${operationId}/actions?show=all`);
    }
    const parsed = plannedActionFormSchema.safeParse(Object.fromEntries(fd));
    if (!parsed.success) return reply(400, { fieldErrors: fieldErrors(parsed.error) });
    await context.services.deconfliction.updatePlannedAction({ actor, operationId, actionId, input: plannedActionInput(parsed.data, user.timeZone) });
    return reply(200, { saved: true });
  } catch (err) {
    const r = formRefusal(err, REFUSALS);
    return reply(r.status, { fieldErrors: r.fieldErrors, formErrors: r.formErrors });
  }
}

export default function PlannedActionPage() {
  const { action: a, conflicts, canEdit, buffers, tiles } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["planning", "common"]);
  const { lng, timeZone } = useReader();
  const params = useParams();
  const data = useStickyActionData<Reply>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const zone = timeZoneName(lng, timeZone);
  const rings = conflicts.map((c, i) => ({ label: String(i + 1), distanceM: c.distanceM, active: c.stillConflicts }));
  const editing = data && data.intent === "update" && !data.saved ? data.values : null;
  const current = {
    kind: a.kind,
    lat: String(a.lat),
    lon: String(a.lon),
    radiusM: String(a.radiusM),
    startsAt: isoToLocal(a.startsAt, timeZone),
    endsAt: isoToLocal(a.endsAt, timeZone),
  };
  return (
    <div className="stack">
      <section className="card" aria-labelledby="plan-detail-title">
        <div className="card-title">
          <h2 id="plan-detail-title" className="row">
            {t(`kinds.${a.kind}`)}
            {a.cancelledAt ? <Badge tone="grey">{t("list.cancelled")}</Badge> : null}
          </h2>
          <Link to={`/operations/${params.id}/actions`} className="btn btn-sm">
            {t("detail.close")}
          </Link>
        </div>
        <p className="plan-when">
          {formatDateTime(a.startsAt, lng, timeZone)} – {formatDateTime(a.endsAt, lng, timeZone)} <span className="muted small">({timeZoneName(lng, timeZone, new Date(a.startsAt))})</span>
        </p>
        <p className="small muted">
          {a.source === "board" ? (
            <>
              {t("detail.from_board")}{" "}
              {a.taskId ? <Link to={`/operations/${params.id}/board/${a.taskId}`}>{t("detail.open_card")}</Link> : null}
            </>
          ) : (
            t("list.entered_by", { name: a.registeredByName })
          )}
          {a.address ? ` · ${a.address}` : ""}
        </p>
        {data?.saved ? (
          <div className="alert alert-success" role="status">
            {t("detail.saved")}
          </div>
        ) : null}
        <MapView lat={a.lat} lon={a.lon} radiusM={a.radiusM} bufferM={buffers.metres} rings={rings} tiles={tiles} lng={lng} />
      </section>

      <section className="card" aria-labelledby="plan-conflicts-title">
        <h2 id="plan-conflicts-title">{t("conflicts.title", { count: conflicts.length })}</h2>
        <p className="small muted">{t("conflicts.disclosure")}</p>
        <PlannedConflicts conflicts={conflicts} lng={lng} timeZone={timeZone} />
      </section>

      {canEdit ? (
        <section className="card" aria-labelledby="plan-edit-title">
          <details className="plan-edit" open={!!editing || undefined}>
            <summary className="btn">{t("detail.edit")}</summary>
            <h2 id="plan-edit-title" className="sr-only">
              {t("detail.edit")}
            </h2>
            <Form method="post" className="form form-wide" noValidate key={a.updatedAt}>
              <FormErrors errors={data?.intent === "update" ? data.formErrors : null} />
              <input type="hidden" name="version" value={a.updatedAt} />
              <PlannedActionFields values={editing ?? current} errors={data?.intent === "update" ? data.fieldErrors : {}} zone={zone} idPrefix="edit" />
              <div className="form-actions">
                <button type="submit" name="intent" value="update" className="btn btn-primary" disabled={busy}>
                  {t("detail.save")}
                </button>
              </div>
            </Form>
          </details>
          <Form method="post" className="plan-cancel">
            <input type="hidden" name="version" value={a.updatedAt} />
            <FormErrors errors={data?.intent === "cancel" ? data.formErrors : null} />
            <p className="small muted">{t("detail.cancel_hint")}</p>
            <button type="submit" name="intent" value="cancel" className="btn btn-danger" disabled={busy}>
              {t("detail.cancel")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

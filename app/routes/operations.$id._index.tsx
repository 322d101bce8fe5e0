import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type SerializeFrom } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useRouteLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { OperationFields, type AgencyOption } from "../components/operations/operation-fields";
import { orNotFound, refusalReply } from "../components/operations/responses.server";
import { FormErrors } from "../components/ui/field";
import { Badge, CountryCode } from "../components/ui/misc";
import type { OperationDetails } from "../domain/operations/views";
import { updateOperationSchema } from "../domain/operations/schemas";
import { OPERATION_STATUSES } from "../domain/vocabulary";
import { requireUser } from "../utils/auth.server";
import { formatCalendarDate, formatDateTime } from "../utils/format";
import { useRootData } from "../utils/root-data";
import { useStickyActionData } from "../hooks/use-sticky-action-data";
import type { loader as layoutLoader } from "./operations.$id";

/**
 * Opening the overview is the consultation the audit log records
 * (operation.opened). This loader runs when the overview is entered — a document
 * load, or a client navigation to it — and `shouldRevalidate` below keeps it from
 * running again when Remix merely revalidates after a form submission, the
 * language switch or a live update. The overview's data therefore comes from the
 * layout's loader, which does revalidate; this loader only logs and returns the
 * agency list for the edit form.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const operationId = params.id ?? "";
  await orNotFound(() => context.services.operations.open({ actor, operationId }));
  // always loaded: this loader does not rerun when a lead's edit rights come back
  const agencies = await context.services.operations.agencyOptions({ actor });
  return json({ agencies });
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ currentParams, nextParams }) => currentParams.id !== nextParams.id;

type Current = SerializeFrom<OperationDetails>;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const submission = parseWithZod(await request.formData(), { schema: updateOperationSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), saved: false, current: null as Current | null }, { status: 400 });
  try {
    const updated = await context.services.operations.update({ actor, operationId: params.id ?? "", input: submission.value });
    return json({ result: submission.reply({ resetForm: true }), saved: true, savedVersion: updated.version, current: null as Current | null });
  } catch (err) {
    const r = refusalReply(err);
    return json(
      { result: submission.reply({ formErrors: r.formErrors, fieldErrors: r.fieldErrors }), saved: false, current: (r.current ?? null) as Current | null },
      { status: r.status },
    );
  }
}

export default function OperationOverview() {
  const layout = useRouteLoaderData<typeof layoutLoader>("routes/operations.$id");
  const { agencies } = useLoaderData<typeof loader>();
  const actionData = useStickyActionData<SerializeFrom<typeof action>>();
  const { t } = useTranslation(["operations", "common"]);
  const { lng, timeZone } = useRootData();
  if (!layout) return null;
  const { operation, canEdit } = layout;
  // Someone who may not edit (any more) and still posted: say why, without a form.
  const refused = actionData && !actionData.saved ? actionData.result.error?.[""] : undefined;
  // A successful save remounts the form on the new values; a conflict or a
  // field error keeps what the lead typed.
  const formKey = actionData && "savedVersion" in actionData ? `saved-${actionData.savedVersion}` : "opened";
  return (
    <div className="op-layout">
      <section className="card" aria-labelledby="overview-title">
        <h2 id="overview-title" className="sr-only">
          {t("operations:tabs.overview")}
        </h2>
        <div className="op-section">
          <h3>{t("operations:fields.summary")}</h3>
          {operation.summary ? <p className="op-summary">{operation.summary}</p> : <p className="muted">{t("operations:overview.no_summary")}</p>}
        </div>
        <div className="op-section">
          <h3>{t("operations:fields.crime_areas")}</h3>
          <div className="op-tags">
            {operation.crimeAreas.map((a) => (
              <Badge key={a} tone="blue">
                {t(`operations:crime_area.${a}`)}
              </Badge>
            ))}
          </div>
        </div>
        <div className="op-section">
          <h3>{t("operations:fields.participating_agencies")}</h3>
          <ul className="op-agencies">
            {operation.agencies.map((a) => (
              <li key={a.id}>
                <CountryCode code={a.country} />
                <span>{a.name}</span>
                <span className="small muted">{t(`common:agency_kinds.${a.kind}`)}</span>
                {a.id === operation.leadAgency.id ? <Badge tone="blue">{t("operations:overview.lead")}</Badge> : null}
              </li>
            ))}
          </ul>
        </div>
      </section>
      <aside className="stack">
        <section className="card" aria-labelledby="frame-title">
          <h2 id="frame-title">{t("operations:overview.legal_basis")}</h2>
          <dl className="op-facts">
            <dt>{t("operations:fields.jit_reference")}</dt>
            <dd className="mono">{operation.jitReference ?? t("common:none")}</dd>
            <dt>{t("operations:fields.jit_start")}</dt>
            <dd>{operation.jitStart ? formatCalendarDate(operation.jitStart, lng) : t("common:none")}</dd>
            <dt>{t("operations:fields.jit_end")}</dt>
            <dd>{operation.jitEnd ? formatCalendarDate(operation.jitEnd, lng) : t("common:none")}</dd>
            <dt>{t("operations:fields.status")}</dt>
            <dd>{t(`operations:status.${operation.status}`)}</dd>
            <dt>{t("operations:fields.lead_agency")}</dt>
            <dd className="op-agency-cell">
              <CountryCode code={operation.leadAgency.country} /> <span>{operation.leadAgency.name}</span>
            </dd>
            <dt>{t("operations:overview.created")}</dt>
            <dd>
              {formatDateTime(operation.createdAt, lng, timeZone)}
              {operation.createdByName ? <div className="small muted">{t("operations:overview.by", { name: operation.createdByName })}</div> : null}
            </dd>
            <dt>{t("operations:overview.updated")}</dt>
            <dd>{formatDateTime(operation.updatedAt, lng, timeZone)}</dd>
          </dl>
        </section>
      </aside>
      {!canEdit && refused ? (
        <div style={{ gridColumn: "1 / -1" }}>
          <FormErrors errors={refused} />
        </div>
      ) : null}
      {canEdit ? (
        <section className="card" style={{ gridColumn: "1 / -1" }} aria-labelledby="edit-title">
          <details className="op-edit" open={Boolean(actionData && !actionData.saved)}>
            <summary className="btn" id="edit-title">
              {t("operations:overview.edit")}
            </summary>
            <EditForm key={formKey} operation={operation} agencies={agencies} actionData={actionData} />
          </details>
          {actionData?.saved ? (
            <div className="alert alert-success" role="status" style={{ marginTop: "0.75rem" }}>
              {t("operations:overview.saved")}
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function EditForm({
  operation,
  agencies,
  actionData,
}: {
  operation: SerializeFrom<OperationDetails>;
  agencies: AgencyOption[];
  actionData: SerializeFrom<typeof action> | undefined;
}) {
  const { t } = useTranslation(["operations", "common"]);
  const navigation = useNavigation();
  // The version this form's values are based on: the one it was opened at, or,
  // after a conflict, the one whose values the lead has now been shown.
  const [openedVersion] = useState(operation.version);
  const conflict = actionData?.current ?? null;
  const baseVersion = conflict?.version ?? openedVersion;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: {
      codeName: operation.codeName,
      summary: operation.summary,
      crimeAreas: operation.crimeAreas,
      leadAgencyId: operation.leadAgency.id,
      agencyIds: operation.agencies.map((a) => a.id),
      jitReference: operation.jitReference ?? "",
      jitStart: operation.jitStart ?? "",
      jitEnd: operation.jitEnd ?? "",
      status: operation.status,
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: updateOperationSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state === "submitting";
  return (
    <Form method="post" {...getFormProps(form)} className="form form-wide">
      {conflict ? <ConflictValues current={conflict} /> : <FormErrors errors={form.errors} />}
      <input type="hidden" name="version" value={baseVersion} />
      <OperationFields fields={fields} agencies={agencies} statuses={OPERATION_STATUSES} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("operations:overview.saving") : t("common:actions.save")}
        </button>
      </div>
    </Form>
  );
}

function ConflictValues({ current }: { current: SerializeFrom<OperationDetails> }) {
  const { t } = useTranslation(["operations", "common"]);
  const { lng } = useRootData();
  return (
    <div className="alert alert-warning" role="alert">
      <strong>{t("operations:conflict.title")}</strong>
      <div>{t("operations:conflict.body")}</div>
      <div className="op-conflict">
        <dl className="dl">
          <dt>{t("operations:fields.code_name")}</dt>
          <dd>{current.codeName}</dd>
          <dt>{t("operations:fields.status")}</dt>
          <dd>{t(`operations:status.${current.status}`)}</dd>
          <dt>{t("operations:fields.summary")}</dt>
          <dd className="op-summary">{current.summary || t("common:none")}</dd>
          <dt>{t("operations:fields.crime_areas")}</dt>
          <dd>{current.crimeAreas.map((a) => t(`operations:crime_area.${a}`)).join(", ")}</dd>
          <dt>{t("operations:fields.lead_agency")}</dt>
          <dd>
            {current.leadAgency.name} ({current.leadAgency.country})
          </dd>
          <dt>{t("operations:fields.participating_agencies")}</dt>
          <dd>{current.agencies.map((a) => `${a.name} (${a.country})`).join(", ")}</dd>
          <dt>{t("operations:fields.jit_reference")}</dt>
          <dd>{current.jitReference ?? t("common:none")}</dd>
          <dt>{t("operations:overview.jit_period")}</dt>
          <dd>
            {formatCalendarDate(current.jitStart, lng)} – {formatCalendarDate(current.jitEnd, lng)}
          </dd>
        </dl>
      </div>
    </div>
  );
}

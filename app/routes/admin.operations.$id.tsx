import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { runMemberAction } from "../components/operations/member-action.server";
import { MembersPanel, type MemberActionData } from "../components/operations/members-panel";
import { AgreementFields } from "../components/operations/operation-fields";
import { orNotFound, refusalReply } from "../components/operations/responses.server";
import { OperationStatusBadge } from "../components/operations/status-badge";
import { FormErrors } from "../components/ui/field";
import { CountryCode, PageHeader } from "../components/ui/misc";
import type { OperationFrame } from "../domain/operations/admin-operations";
import { agreementSchema } from "../domain/operations/schemas";
import { OPERATION_STATUSES } from "../domain/vocabulary";
import operationStyles from "../styles/operations.css";
import { requireRole } from "../utils/auth.server";
import { formatCalendarDate } from "../utils/format";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: operationStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.operation.codeName} · Concordia` : "Concordia" }];

/** The administrator manages the frame and the membership; the content stays with the members. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  return json(await orNotFound(() => context.services.operations.adminGet({ actor, operationId: params.id ?? "" })));
}

type Frame = SerializeFrom<OperationFrame>;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, context, ["admin"]);
  const operationId = params.id ?? "";
  const ops = context.services.operations;
  const formData = await request.formData();
  if (formData.get("intent") === "agreement") {
    const submission = parseWithZod(formData, { schema: agreementSchema });
    if (submission.status !== "success") return json({ kind: "agreement" as const, result: submission.reply(), saved: false, current: null as Frame | null }, { status: 400 });
    try {
      const frame = await ops.updateAgreement({ actor, operationId, input: submission.value });
      return json({ kind: "agreement" as const, result: submission.reply({ resetForm: true }), saved: true, savedVersion: frame.version, current: null as Frame | null });
    } catch (err) {
      const r = refusalReply(err);
      return json(
        { kind: "agreement" as const, result: submission.reply({ formErrors: r.formErrors, fieldErrors: r.fieldErrors }), saved: false, current: (r.current ?? null) as Frame | null },
        { status: r.status },
      );
    }
  }
  return runMemberAction(formData, (intent, input) =>
    intent === "add"
      ? ops.addMember({ actor, operationId, input })
      : intent === "change_role"
        ? ops.changeMemberRole({ actor, operationId, input })
        : ops.removeMember({ actor, operationId, input }),
  );
}

type AgreementActionData = Extract<SerializeFrom<typeof action>, { kind: "agreement" }>;

export default function AdminOperation() {
  const { operation, members, candidates, isMember } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["operations", "common"]);
  const { lng } = useRootData();
  const agreementData = actionData && "kind" in actionData ? (actionData as AgreementActionData) : undefined;
  const memberData = actionData && "intent" in actionData ? (actionData as MemberActionData) : undefined;
  const formKey = agreementData && "savedVersion" in agreementData ? `saved-${agreementData.savedVersion}` : "opened";
  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/admin">{t("common:nav.admin")}</Link> / <Link to="/admin/operations">{t("operations:admin.title")}</Link>
          </>
        }
        title={
          <span className="op-header-title">
            <span>{operation.codeName}</span>
            <OperationStatusBadge status={operation.status} />
          </span>
        }
        description={
          <span className="op-header-meta">
            <span>{t("operations:header.lead_agency")}</span>
            <CountryCode code={operation.leadAgency.country} />
            <span>{operation.leadAgency.name}</span>
          </span>
        }
        actions={
          isMember ? (
            <Link to={`/operations/${operation.id}`} className="btn">
              {t("operations:admin.open_as_member")}
            </Link>
          ) : null
        }
      />
      <div className="alert alert-info" style={{ marginBottom: "1rem" }}>
        {t("operations:admin.need_to_know")}
      </div>
      {operation.readOnlyReason ? (
        <div className="alert alert-warning banner-readonly" role="status">
          {operation.readOnlyReason === "jit_expired"
            ? t("operations:admin.expired", { date: formatCalendarDate(operation.jitEnd, lng) })
            : t("operations:admin.closed")}
        </div>
      ) : null}
      <section className="card" aria-labelledby="agreement-title" style={{ marginBottom: "1rem" }}>
        <h2 id="agreement-title">{t("operations:admin.agreement_title")}</h2>
        <p className="small muted">{t("operations:admin.agreement_hint")}</p>
        <AgreementForm key={formKey} operation={operation} actionData={agreementData} />
      </section>
      <MembersPanel members={members} candidates={candidates} canManage actionData={memberData} />
    </>
  );
}

function AgreementForm({ operation, actionData }: { operation: Frame; actionData: AgreementActionData | undefined }) {
  const { t } = useTranslation(["operations", "common"]);
  const { lng } = useRootData();
  const navigation = useNavigation();
  const [openedVersion] = useState(operation.version);
  const conflict = actionData?.current ?? null;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { jitReference: operation.jitReference ?? "", jitStart: operation.jitStart ?? "", jitEnd: operation.jitEnd ?? "", status: operation.status },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: agreementSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "agreement";
  return (
    <Form method="post" {...getFormProps(form)} className="form form-wide">
      {conflict ? null : <FormErrors errors={form.errors} />}
      {actionData?.saved ? (
        <div className="alert alert-success" role="status">
          {t("operations:overview.saved")}
        </div>
      ) : null}
      {conflict ? (
        <div className="alert alert-warning" role="alert">
          <strong>{t("operations:conflict.title")}</strong>
          <div>{t("operations:conflict.body")}</div>
          <div className="op-conflict">
            <dl className="dl">
              <dt>{t("operations:fields.jit_reference")}</dt>
              <dd>{conflict.jitReference ?? t("common:none")}</dd>
              <dt>{t("operations:overview.jit_period")}</dt>
              <dd>
                {formatCalendarDate(conflict.jitStart, lng)} – {formatCalendarDate(conflict.jitEnd, lng)}
              </dd>
              <dt>{t("operations:fields.status")}</dt>
              <dd>{t(`operations:status.${conflict.status}`)}</dd>
            </dl>
          </div>
        </div>
      ) : null}
      <input type="hidden" name="intent" value="agreement" />
      <input type="hidden" name="version" value={conflict?.version ?? openedVersion} />
      <div className="op-agreement-grid">
        <AgreementFields fields={fields} statuses={OPERATION_STATUSES} />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("operations:overview.saving") : t("common:actions.save")}
        </button>
      </div>
    </Form>
  );
}

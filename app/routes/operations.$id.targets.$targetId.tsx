import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useRouteLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ContactCard } from "../components/deconfliction/contact-card";
import { EscalatedBadge, HitStatusBadge, ScoreMeter } from "../components/deconfliction/hit-badges";
import { IdentifierFields, NoteAndHandling } from "../components/deconfliction/identifier-fields";
import { KIND_FIELDS, formFromValue } from "../components/deconfliction/identifier-form";
import { useReasonText } from "../components/deconfliction/reasons";
import { RegistrationResultPanel, type RegistrationResult } from "../components/deconfliction/registration-result";
import { failure, parseTargetForm, refused, type FormFailure } from "../components/deconfliction/target-action.server";
import type { ReadOnlyReason } from "../components/operations/read-only-banner";
import { FormErrors } from "../components/ui/field";
import { Badge, EmptyState } from "../components/ui/misc";
import { countryOptions } from "../domain/agencies/countries";
import { useStickyActionData } from "../hooks/use-sticky-action-data";
import { INTL_LOCALE } from "../i18n/config";
import { requireUser } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { orNotFound } from "../utils/http.server";
import { useRootData } from "../utils/root-data";

/** Opening the page is a logged consultation (viewTarget writes target.viewed). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireUser(request, context);
  const view = await orNotFound(() =>
    context.services.deconfliction.viewTarget({ actor, operationId: params.id ?? "", input: { targetId: params.targetId ?? "" } }),
  );
  return json({ ...view, countries: countryOptions(INTL_LOCALE[user.locale]) });
}

// Reloaded after this page's own forms and on navigation, not on every live update
// of the operation: each load is recorded as a consultation.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentParams, nextParams, formMethod, defaultShouldRevalidate }) =>
  currentParams.targetId !== nextParams.targetId || (formMethod !== undefined && formMethod !== "GET" && defaultShouldRevalidate);

type ActionData = FormFailure | { ok: true; intent: "update"; result: RegistrationResult };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const operationId = params.id ?? "";
  const targetId = params.targetId ?? "";
  const fd = await request.formData();
  const intent = fd.get("intent");
  if (intent === "delete") {
    try {
      await context.services.deconfliction.deleteTarget({ actor, operationId, input: { targetId } });
    } catch (err) {
      return refused("delete", fd, err);
    }
    return redirect(`/operations/${operationId}/targets?deleted=1`);
  }
  if (intent !== "update") return failure("update", 400, fd, ["validation.invalid"], {});
  const parsed = parseTargetForm(fd);
  if (!parsed.ok) return failure("update", 400, fd, [], parsed.fields);
  try {
    const { value, note, handlingCode } = parsed.input;
    const result = await context.services.deconfliction.updateTarget({ actor, operationId, input: { targetId, version: fd.get("version") ?? "", value, note, handlingCode } });
    return json<ActionData>({ ok: true, intent: "update", result });
  } catch (err) {
    return refused("update", fd, err);
  }
}

interface OperationData {
  operation: { id: string; codeName: string };
  memberRole: "lead" | "member" | "observer";
  readOnlyReason: ReadOnlyReason;
}

export default function TargetDetail() {
  const { target, hits, countries } = useLoaderData<typeof loader>();
  const op = useRouteLoaderData("routes/operations.$id") as OperationData | undefined;
  const actionData = useStickyActionData<SerializeFrom<ActionData>>();
  const { t } = useTranslation(["deconfliction", "common"]);
  const { lng, timeZone, user } = useRootData();
  const navigation = useNavigation();
  const reasonText = useReasonText();
  const base = `/operations/${op?.operation.id ?? ""}/targets`;
  const mayChange = Boolean(op && !op.readOnlyReason && (op.memberRole === "lead" || target.registeredBy === user?.id));
  const failed = actionData && !actionData.ok ? actionData : null;
  const updated = actionData?.ok ? actionData.result : null;
  const raw = target.raw as Record<string, unknown>;
  const defaults = failed?.intent === "update" ? failed.values : { ...formFromValue(target.kind, raw), note: target.note, handlingCode: target.handlingCode };

  return (
    <div className="stack">
      <div className="row">
        <Link to={base} className="small">
          ← {t("target.back")}
        </Link>
      </div>
      <div className="dc-layout">
        <div className="stack">
          <section className="card" aria-labelledby="target-title">
            <div className="card-title">
              <h2 id="target-title">
                {t("target.title", { kind: t(`kinds.${target.kind}`), display: target.display })}
              </h2>
              <Badge tone={target.handlingCode === "H0" ? "grey" : "amber"}>{target.handlingCode}</Badge>
            </div>
            <dl className="dl">
              <dt>{t("target.registered_by")}</dt>
              <dd>{target.registeredByName}</dd>
              <dt>{t("target.registered_at")}</dt>
              <dd>{formatDateTime(target.createdAt, lng, timeZone)}</dd>
              <dt>{t("target.handling")}</dt>
              <dd>{t(`handling.${target.handlingCode}`)}</dd>
              <dt>{t("target.note")}</dt>
              <dd className="op-summary">{target.note || <span className="muted">{t("target.no_note")}</span>}</dd>
            </dl>
            <h3 className="small muted dc-contact-title" style={{ marginTop: "1rem" }}>
              {t("target.values")}
            </h3>
            <dl className="dl dc-raw">
              {target.kind === "person" ? (
                <>
                  <dt>{t("fields.name")}</dt>
                  <dd>{(Array.isArray(raw.names) ? raw.names : []).map(String).join(" · ")}</dd>
                </>
              ) : null}
              {KIND_FIELDS[target.kind]
                .filter((f) => raw[f.key] !== undefined && raw[f.key] !== null && f.key !== "name" && f.key !== "aliases")
                .concat(target.kind === "company" && raw.name !== undefined ? [KIND_FIELDS.company[0]!] : [])
                .filter((f, i, all) => all.findIndex((x) => x.key === f.key) === i)
                .map((f) => (
                  <div key={f.key} style={{ display: "contents" }}>
                    <dt>{t(f.label)}</dt>
                    <dd>{f.optionLabels ? t(`${f.optionLabels}.${String(raw[f.key])}`) : String(raw[f.key])}</dd>
                  </div>
                ))}
            </dl>
            <p className="small muted" style={{ marginTop: "0.9rem", marginBottom: 0 }}>
              {t("target.viewed_logged")}
            </p>
          </section>

          <section aria-labelledby="target-hits-title">
            <div className="dc-section-title">
              <h2 id="target-hits-title">{t("target.hits")}</h2>
            </div>
            {hits.length === 0 ? (
              <div className="card">
                <EmptyState title={t("target.no_hits")} />
              </div>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("hits.table.status")}</th>
                      <th scope="col">{t("hits.table.score")}</th>
                      <th scope="col">{t("matches.why")}</th>
                      <th scope="col">{t("hits.table.contact")}</th>
                      <th scope="col">{t("hit.created")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {hits.map((h) => (
                      <tr key={h.id}>
                        <td>
                          <div className="dc-status-cell">
                            <Link to={`/deconfliction/hits/${h.id}`}>
                              <HitStatusBadge status={h.status} />
                            </Link>
                            {h.escalatedAt && h.status === "new" ? <EscalatedBadge /> : null}
                          </div>
                        </td>
                        <td>
                          <ScoreMeter score={h.score} />
                        </td>
                        <td className="small">{reasonText(h.reasons)}</td>
                        <td>
                          <ContactCard contact={h.other.contact} compact />
                        </td>
                        <td className="small dc-nowrap">
                          <Link to={`/deconfliction/hits/${h.id}`}>{formatDateTime(h.createdAt, lng, timeZone)}</Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>

        <div className="stack dc-side">
          {updated ? <RegistrationResultPanel result={updated} heading={t("target.saved")} /> : null}
          {mayChange ? (
            <>
              <section className="card" aria-labelledby="edit-title">
                <div className="card-title">
                  <h2 id="edit-title">{t("target.edit_title")}</h2>
                </div>
                <p className="small muted">{t("target.edit_hint")}</p>
                <Form method="post" className="dc-form" key={`${target.version}-${updated ? "saved" : "edit"}`}>
                  <input type="hidden" name="intent" value="update" />
                  <input type="hidden" name="kind" value={target.kind} />
                  <input type="hidden" name="version" value={target.version} />
                  <FormErrors errors={failed?.intent === "update" ? failed.formErrors : null} />
                  <IdentifierFields kind={target.kind} countries={countries} defaults={defaults} errors={failed?.intent === "update" ? failed.fieldErrors : undefined} idPrefix="edit" />
                  <hr />
                  <NoteAndHandling idPrefix="edit" defaults={defaults} errors={failed?.intent === "update" ? failed.fieldErrors : undefined} />
                  <div className="form-actions">
                    <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
                      {t("target.save")}
                    </button>
                  </div>
                </Form>
              </section>
              <section className="card" aria-labelledby="delete-title">
                <details className="dc-danger" open={failed?.intent === "delete"}>
                  <summary id="delete-title">{t("target.delete")}</summary>
                  <p className="small muted">{t("target.delete_hint")}</p>
                  <FormErrors errors={failed?.intent === "delete" ? failed.formErrors : null} />
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <button type="submit" className="btn btn-danger" disabled={navigation.state === "submitting"}>
                      {t("target.delete_confirm")}
                    </button>
                  </Form>
                </details>
              </section>
            </>
          ) : (
            <div className="card">
              <p className="muted small" style={{ margin: 0 }}>
                {op?.readOnlyReason ? t("targets.read_only") : t("target.may_not_change")}
              </p>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

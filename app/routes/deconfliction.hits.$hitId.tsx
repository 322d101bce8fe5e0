import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, Link, isRouteErrorResponse, useLoaderData, useNavigation, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ContactCard } from "../components/deconfliction/contact-card";
import deconflictionStyles from "../components/deconfliction/deconfliction.css";
import { EscalatedBadge, HitStatusBadge, ScoreMeter } from "../components/deconfliction/hit-badges";
import { useReasonText } from "../components/deconfliction/reasons";
import { useLiveHits } from "../components/deconfliction/use-live-hits";
import { FieldError, FormErrors } from "../components/ui/field";
import { EmptyState, PageHeader } from "../components/ui/misc";
import { HIT_OUTCOMES } from "../domain/deconfliction/vocabulary";
import { isDomainError } from "../domain/errors";
import { fieldErrors, z } from "../domain/validation";
import { useStickyActionData } from "../hooks/use-sticky-action-data";
import { requireUser } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { formRefusal, orNotFound } from "../utils/http.server";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: deconflictionStyles }];
export const meta: MetaFunction = () => [{ title: "Deconfliction · Concordia" }];

/**
 * A hit as one side sees it: its own registration and the other side's point of
 * contact. An office lead who is on neither side sees an escalated hit's two
 * contacts only (the escalation notification links here); anyone else gets the
 * same 404 as for an unknown id.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const dc = context.services.deconfliction;
  const input = { hitId: params.hitId ?? "" };
  try {
    return json({ hit: await dc.getHit({ actor, input }), office: null });
  } catch (err) {
    if (!isDomainError(err) || (err.code !== "not_found" && err.code !== "invalid")) throw err;
  }
  return json({ hit: null, office: await orNotFound(() => dc.getEscalatedHit({ actor, input })) });
}

const hitFormSchema = z
  .object({
    intent: z.enum(["acknowledged", "in_contact", "resolved"]),
    outcome: z.string().optional(),
    note: z.string().trim().max(2000).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.intent !== "resolved") return;
    if (!v.outcome || !(HIT_OUTCOMES as readonly string[]).includes(v.outcome)) ctx.addIssue({ code: "custom", path: ["outcome"], message: "deconfliction:errors.outcome_required" });
    if (v.outcome === "deferred" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "deconfliction:errors.note_required_when_deferred" });
  });

type ActionData = { ok: true } | { ok: false; formErrors: string[]; fieldErrors: Record<string, string[]> };

/** One step of the workflow; the service audits it and answers 409 to a step that is no longer forward. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const fd = await request.formData();
  const parsed = hitFormSchema.safeParse(Object.fromEntries(fd));
  if (!parsed.success) return json<ActionData>({ ok: false, formErrors: [], fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
  const { intent, outcome, note } = parsed.data;
  const hitId = params.hitId ?? "";
  const input = intent === "resolved" ? { hitId, status: intent, outcome, note } : { hitId, status: intent };
  try {
    await context.services.deconfliction.updateHitStatus({ actor, input });
    return json<ActionData>({ ok: true });
  } catch (err) {
    const r = formRefusal(err, { forbidden: { read_only: "deconfliction:errors.read_only" }, namespace: "deconfliction" });
    return json<ActionData>({ ok: false, formErrors: r.formErrors, fieldErrors: r.fieldErrors }, { status: r.status });
  }
}

export default function HitDetail() {
  const { hit, office } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["deconfliction", "common"]);
  // the other side's step arrives as a notification; a new hit as its own event
  useLiveHits();
  const what = (kind: string, identifierKind: string | null) => (kind === "event" ? t("kinds.event") : t(`kinds.${identifierKind ?? "phone"}`));
  const title = hit ? what(hit.kind, hit.identifierKind) : office ? what(office.kind, office.identifierKind) : "";
  return (
    <>
      <PageHeader breadcrumb={<Link to="/deconfliction">{t("hits.title")}</Link>} title={t("hit.title", { what: title })} />
      {hit ? <MemberView hit={hit} /> : office ? <OfficeView hit={office} /> : null}
    </>
  );
}

type Loaded = SerializeFrom<typeof loader>;

function MemberView({ hit }: { hit: NonNullable<Loaded["hit"]> }) {
  const { t } = useTranslation(["deconfliction", "common", "boards"]);
  const { lng, timeZone } = useRootData();
  const reasonText = useReasonText();
  const actionData = useStickyActionData<SerializeFrom<ActionData>>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const failed = actionData && !actionData.ok ? actionData : null;
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lng, timeZone) : null);
  const steps: [string, string | null][] = [
    [t("hit.other_registered"), hit.other.registeredAt],
    [t("hit.mine_registered"), hit.mine.registeredAt],
    [t("hit.created"), hit.createdAt],
    [t("hit.escalated_at"), hit.escalatedAt],
    [t("hit.acknowledged_at"), hit.acknowledgedAt],
    [t("hit.resolved_at"), hit.resolvedAt],
  ];
  const timeline = steps.filter((s): s is [string, string] => s[1] !== null).sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <div className="dc-layout">
      <div className="stack">
        <section className="card" aria-labelledby="overlap-title">
          <div className="card-title">
            <h2 id="overlap-title">{t("hit.overlap")}</h2>
            <div className="row">
              <HitStatusBadge status={hit.status} />
              {hit.escalatedAt && hit.status === "new" ? <EscalatedBadge /> : null}
            </div>
          </div>
          <dl className="dl">
            <dt>{t("hits.kind")}</dt>
            <dd>
              <strong>{hit.kind === "event" ? t("kinds.event") : t(`kinds.${hit.identifierKind ?? "phone"}`)}</strong>
            </dd>
            <dt>{t("hit.score")}</dt>
            <dd>
              <ScoreMeter score={hit.score} />
            </dd>
            <dt>{t("hit.reasons")}</dt>
            <dd data-testid="hit-reasons">{reasonText(hit.reasons)}</dd>
          </dl>
        </section>

        <div className="grid grid-2">
          <section className="card" aria-labelledby="mine-title">
            <div className="card-title">
              <h2 id="mine-title">{t("hit.my_side")}</h2>
            </div>
            <dl className="dl">
              <dt>{t("hit.my_operation")}</dt>
              <dd>
                <Link to={`/operations/${hit.mine.operationId}`}>{hit.mine.operationCodeName}</Link>
              </dd>
              {hit.mine.targetId ? (
                <>
                  <dt>{t("hit.my_target")}</dt>
                  <dd className="dc-value">
                    <Link to={`/operations/${hit.mine.operationId}/targets/${hit.mine.targetId}`}>{hit.mine.display}</Link>
                  </dd>
                </>
              ) : null}
              {hit.mine.actionId ? (
                <>
                  <dt>{t("hit.my_action")}</dt>
                  <dd>{hit.mine.actionKind ? t(`boards:action_kinds.${hit.mine.actionKind}`) : null}</dd>
                </>
              ) : null}
              <dt>{t("hit.mine_registered")}</dt>
              <dd>{when(hit.mine.registeredAt)}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="other-title">
            <div className="card-title">
              <h2 id="other-title">{t("hit.other_side")}</h2>
            </div>
            <ContactCard contact={hit.other.contact} />
            <div className="dc-hidden-note">
              <LockIcon />
              <span>{t("hit.other_hidden")}</span>
            </div>
          </section>
        </div>
      </div>

      <div className="stack">
        <section className="card" aria-labelledby="workflow-title">
          <div className="card-title">
            <h2 id="workflow-title">{t("hit.workflow")}</h2>
          </div>
          {actionData?.ok ? (
            <div className="alert alert-success" role="status" style={{ marginBottom: "0.75rem" }}>
              {t("hit.done")}
            </div>
          ) : null}
          <FormErrors errors={failed?.formErrors} />
          {hit.status === "resolved" ? (
            <div className="stack">
              <p style={{ margin: 0 }}>
                <strong>{t("hit.resolved_with", { outcome: t(`outcomes.${hit.outcome ?? "coordinated"}`) })}</strong>
              </p>
              {hit.resolutionNote ? <p className="op-summary">{hit.resolutionNote}</p> : null}
            </div>
          ) : (
            <div className="dc-workflow">
              <div className="dc-steps">
                {hit.status === "new" ? (
                  <Form method="post">
                    <button type="submit" name="intent" value="acknowledged" className="btn btn-primary" disabled={busy}>
                      {t("hit.acknowledge")}
                    </button>
                  </Form>
                ) : null}
                {hit.status === "new" || hit.status === "acknowledged" ? (
                  <Form method="post">
                    <button type="submit" name="intent" value="in_contact" className="btn" disabled={busy}>
                      {t("hit.in_contact")}
                    </button>
                  </Form>
                ) : null}
              </div>
              {hit.status === "new" ? <p className="small muted" style={{ margin: 0 }}>{t("hit.acknowledge_hint")}</p> : null}
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="resolved" />
                <fieldset className="op-fieldset" aria-describedby={failed?.fieldErrors.outcome ? "outcome-error" : undefined}>
                  <legend>{t("hit.outcome")}</legend>
                  <div className="dc-outcomes">
                    {HIT_OUTCOMES.map((o) => (
                      <label key={o}>
                        <input type="radio" name="outcome" value={o} />
                        {t(`outcomes.${o}`)}
                      </label>
                    ))}
                  </div>
                  <FieldError id="outcome-error" errors={failed?.fieldErrors.outcome} />
                </fieldset>
                <div className="field">
                  <label htmlFor="resolution-note">{t("hit.resolution_note")}</label>
                  <textarea id="resolution-note" name="note" className="textarea dc-lines" rows={3} maxLength={2000} aria-describedby="resolution-note-hint" aria-invalid={failed?.fieldErrors.note ? true : undefined} />
                  <span className="hint" id="resolution-note-hint">
                    {t("hit.resolution_note_hint")}
                  </span>
                  <FieldError errors={failed?.fieldErrors.note} />
                </div>
                <div className="form-actions">
                  <button type="submit" className="btn btn-primary" disabled={busy}>
                    {t("hit.resolve")}
                  </button>
                </div>
              </Form>
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="timeline-title">
          <div className="card-title">
            <h2 id="timeline-title">{t("hit.timeline")}</h2>
          </div>
          <ol className="dc-timeline">
            {timeline.map(([label, at]) => (
              <li key={label} className="dc-done">
                <span>
                  <strong>{label}</strong>
                  <span className="small muted">{when(at)}</span>
                </span>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}

function LockIcon() {
  return (
    <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" style={{ flex: "none", marginTop: "0.15rem" }}>
      <rect x="4" y="11" width="16" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}

function OfficeView({ hit }: { hit: NonNullable<Loaded["office"]> }) {
  const { t } = useTranslation("deconfliction");
  const { lng, timeZone } = useRootData();
  return (
    <div className="stack">
      <div className="alert alert-info">{t("hit.office_view")}</div>
      <section className="card">
        <div className="card-title">
          <h2>{t("hit.overlap")}</h2>
          <div className="row">
            <HitStatusBadge status={hit.status} />
            {hit.status === "new" ? <EscalatedBadge /> : null}
          </div>
        </div>
        <dl className="dl">
          <dt>{t("hit.score")}</dt>
          <dd>
            <ScoreMeter score={hit.score} />
          </dd>
          <dt>{t("hit.created")}</dt>
          <dd>{formatDateTime(hit.createdAt, lng, timeZone)}</dd>
          <dt>{t("hit.escalated_at")}</dt>
          <dd>{formatDateTime(hit.escalatedAt, lng, timeZone)}</dd>
        </dl>
      </section>
      <div className="grid grid-2">
        {hit.officers.map((c, i) => (
          <section key={i} className="card">
            <h2 className="small muted dc-contact-title">{t("contact.title")}</h2>
            <ContactCard contact={c} />
          </section>
        ))}
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation(["operations", "common", "deconfliction"]);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 ? "not_found" : status === 403 ? "forbidden" : "server";
  return (
    <>
      <PageHeader breadcrumb={<Link to="/deconfliction">{t("deconfliction:hits.title")}</Link>} title={t(`operations:error_page.${key}.title`)} />
      <div className="card">
        <EmptyState title={t(`operations:error_page.${key}.heading`)}>
          <p className="small muted">{t("common:error_page.status", { status })}</p>
          <Link to="/deconfliction" className="btn btn-primary">
            {t("deconfliction:hit.back")}
          </Link>
        </EmptyState>
      </div>
    </>
  );
}

import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type SerializeFrom } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { countryOptions } from "../domain/agencies/countries";
import type { ReadOnlyReason } from "../components/operations/read-only-banner";
import { IdentifierFields, KindPicker, KindSelect, NoteAndHandling } from "../components/deconfliction/identifier-fields";
import { isKind } from "../components/deconfliction/identifier-form";
import { RegistrationResultPanel, type RegistrationResult } from "../components/deconfliction/registration-result";
import { useLiveHits } from "../components/deconfliction/use-live-hits";
import { failure, parseTargetForm, refused, type FormFailure } from "../components/deconfliction/target-action.server";
import { FormErrors } from "../components/ui/field";
import { Badge, EmptyState, Pagination, FilterActions } from "../components/ui/misc";
import { useStickyActionData } from "../hooks/use-sticky-action-data";
import { INTL_LOCALE } from "../i18n/config";
import { requireUser } from "../utils/auth.server";
import { formatDateTime } from "../utils/format";
import { orNotFound } from "../utils/http.server";
import { useRootData } from "../utils/root-data";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireUser(request, context);
  const url = new URL(request.url);
  // unknown filter values (a stale bookmark) list everything rather than fail
  const kind = url.searchParams.get("kind");
  const page = Number(url.searchParams.get("page") ?? 1);
  const filters = { page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1, kind: isKind(kind) ? kind : "", q: (url.searchParams.get("q") ?? "").slice(0, 200) };
  const list = await orNotFound(() => context.services.deconfliction.listTargets({ actor, operationId: params.id ?? "", input: filters }));
  const registerKind = url.searchParams.get("register");
  return json({
    ...list,
    filters: { kind: filters.kind, q: filters.q },
    registerKind: isKind(registerKind) ? registerKind : "phone",
    countries: countryOptions(INTL_LOCALE[user.locale]),
  });
}

type ActionData = FormFailure | { ok: true; intent: "register"; result: RegistrationResult };

/** Registers a target and answers with the automatic check; nothing is stored when a field is refused. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const fd = await request.formData();
  const parsed = parseTargetForm(fd);
  if (!parsed.ok) return failure("register", 400, fd, [], parsed.fields);
  try {
    const result = await context.services.deconfliction.registerTarget({ actor, operationId: params.id ?? "", input: parsed.input });
    return json<ActionData>({ ok: true, intent: "register", result });
  } catch (err) {
    return refused("register", fd, err);
  }
}

interface OperationData {
  operation: { id: string };
  readOnlyReason: ReadOnlyReason;
}

export default function Targets() {
  const { items, total, page, pageSize, filters, registerKind, countries } = useLoaderData<typeof loader>();
  const op = useRouteLoaderData("routes/operations.$id") as OperationData | undefined;
  const actionData = useStickyActionData<SerializeFrom<ActionData>>();
  const { t } = useTranslation(["deconfliction", "common"]);
  const { lng, timeZone } = useRootData();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const failed = actionData && !actionData.ok ? actionData : null;
  const [kind, setKind] = useState<string>(failed && isKind(failed.values.kind) ? failed.values.kind : registerKind);
  const fieldKind = isKind(kind) ? kind : "phone";
  const readOnly = Boolean(op?.readOnlyReason);
  const filtered = Boolean(filters.kind || filters.q);
  const base = `/operations/${op?.operation.id ?? ""}/targets`;
  const done = actionData?.ok ? actionData.result : null;
  // a hit on one of these targets, found by someone else's registration, updates the counts
  useLiveHits();
  const deleted = !actionData && params.get("deleted") === "1";
  // a new key after each registration empties the form for the next one
  const formKey = done ? `done-${done.target.id}-${done.matches.length}` : "register";

  return (
    <div className="dc-layout">
      <div className="stack">
        <div>
          <h2>{t("targets.title")}</h2>
          <p className="muted small">{t("targets.description")}</p>
        </div>
        <Form method="get" className="filters" role="search" aria-label={t("targets.filters_label")}>
          <div className="field grow" style={{ flex: 2 }}>
            <label htmlFor="target-q">{t("targets.filter_text")}</label>
            <input id="target-q" name="q" type="search" className="input" defaultValue={filters.q} maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="target-kind">{t("targets.filter_kind")}</label>
            <KindSelect id="target-kind" value={filters.kind} includeAll={t("targets.all_kinds")} />
          </div>
          <FilterActions clearTo={base} filtered={filtered} />
        </Form>
        {items.length === 0 ? (
          <div className="card">
            <EmptyState title={filtered ? t("targets.empty_filtered") : t("targets.empty")}>{filtered ? null : <p>{t("targets.empty_body")}</p>}</EmptyState>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="sr-only">{t("targets.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("targets.table.value")}</th>
                  <th scope="col">{t("targets.table.kind")}</th>
                  <th scope="col">{t("targets.table.handling")}</th>
                  <th scope="col">{t("targets.table.registered_by")}</th>
                  <th scope="col" className="dc-num">
                    {t("targets.table.hits")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((target) => (
                  <tr key={target.id}>
                    <td className="dc-value">
                      <Link to={`${base}/${target.id}`}>{target.display}</Link>
                    </td>
                    <td>{t(`kinds.${target.kind}`)}</td>
                    <td>
                      <Badge tone={target.handlingCode === "H0" ? "grey" : "amber"} title={t(`handling.${target.handlingCode}`)}>
                        {target.handlingCode}
                      </Badge>
                    </td>
                    <td>
                      <div className="dc-contact-compact">
                        <span>{target.registeredByName}</span>
                        <span className="small muted">{formatDateTime(target.createdAt, lng, timeZone)}</span>
                      </div>
                    </td>
                    <td className="dc-num">{target.hits > 0 ? <Badge tone="red">{t("targets.hits_count", { count: target.hits })}</Badge> : <span className="muted">0</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageSize={pageSize} total={total} />
      </div>

      <div className="stack dc-side">
        {deleted ? (
          <div className="alert alert-success" role="status">
            {t("target.deleted")}
          </div>
        ) : null}
        {done ? (
          <RegistrationResultPanel
            result={done}
            heading={done.target.alreadyRegistered ? t("targets.already_registered", { display: done.target.display }) : t("targets.registered", { display: done.target.display })}
          />
        ) : null}
        {readOnly ? (
          <div className="card">
            <p className="muted">{t("targets.read_only")}</p>
          </div>
        ) : (
          <section className="card" aria-labelledby="register-title">
            <div className="card-title">
              <h2 id="register-title">{t("targets.register")}</h2>
            </div>
            <KindPicker id="register-kind" param="register" value={fieldKind} onChange={setKind} />
            <Form method="post" className="dc-form" key={`${formKey}-${fieldKind}`} style={{ marginTop: "1rem" }}>
              <input type="hidden" name="kind" value={fieldKind} />
              <FormErrors errors={failed?.formErrors} />
              <IdentifierFields kind={fieldKind} countries={countries} defaults={failed?.values} errors={failed?.fieldErrors} idPrefix="register" />
              <hr />
              <NoteAndHandling idPrefix="register" defaults={failed?.values} errors={failed?.fieldErrors} />
              <div className="form-actions">
                <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
                  {t("targets.register_button")}
                </button>
              </div>
            </Form>
          </section>
        )}
      </div>
    </div>
  );
}

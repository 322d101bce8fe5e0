import { json, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CountrySelect } from "../components/admin/country-select";
import { DeconflictionNav } from "../components/deconfliction/deconfliction-nav";
import deconflictionStyles from "../components/deconfliction/deconfliction.css";
import { IdentifierFields, KindPicker } from "../components/deconfliction/identifier-fields";
import { formValues, isKind, valueFromForm, type FormValues } from "../components/deconfliction/identifier-form";
import { MatchList, type MatchView } from "../components/deconfliction/match-list";
import { FieldError, FormErrors } from "../components/ui/field";
import { PageHeader } from "../components/ui/misc";
import { countryOptions } from "../domain/agencies/countries";
import { IDENTIFIER_KINDS } from "../domain/deconfliction/identifiers/kinds";
import { fieldErrors, z } from "../domain/validation";
import { INTL_LOCALE } from "../i18n/config";
import { requireUser } from "../utils/auth.server";
import { formRefusal } from "../utils/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: deconflictionStyles }];
export const meta: MetaFunction = () => [{ title: "Deconfliction · Concordia" }];

async function requireChecker(request: Request, context: LoaderFunctionArgs["context"]) {
  const ru = await requireUser(request, context);
  // partners refer victims; they do not query the office's targets (the service refuses too)
  if (ru.user.officeRole === "ngo_partner") throw new Response("Forbidden", { status: 403 });
  return ru;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireChecker(request, context);
  const kind = new URL(request.url).searchParams.get("kind");
  return json({ kind: isKind(kind) ? kind : "phone", defaultCountry: user.agencyCountry ?? "", countries: countryOptions(INTL_LOCALE[user.locale]) });
}

const checkFormSchema = z.object({
  kind: z.enum(IDENTIFIER_KINDS),
  defaultCountry: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

type ActionData =
  | { ok: true; kind: string; display: string; flags: string[]; matches: MatchView[]; values: FormValues }
  | { ok: false; formErrors: string[]; fieldErrors: Record<string, string[]>; values: FormValues };

/** One identifier checked, nothing stored; the service logs the consultation. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireChecker(request, context);
  const fd = await request.formData();
  const values = formValues(fd);
  const envelope = checkFormSchema.safeParse({ kind: fd.get("kind") ?? undefined, defaultCountry: fd.get("defaultCountry") ?? undefined });
  if (!envelope.success) return json<ActionData>({ ok: false, formErrors: [], fieldErrors: fieldErrors(envelope.error), values }, { status: 400 });
  const { kind, defaultCountry } = envelope.data;
  try {
    const { items } = await context.services.deconfliction.checkIdentifiers({ actor, input: { items: [{ kind, value: valueFromForm(kind, fd) }], defaultCountry } });
    const item = items[0]!;
    if (!item.ok) return json<ActionData>({ ok: false, formErrors: ["deconfliction:check.invalid"], fieldErrors: item.fields, values }, { status: 400 });
    return json<ActionData>({ ok: true, kind: item.kind, display: item.display, flags: item.flags, matches: item.matches as MatchView[], values });
  } catch (err) {
    const r = formRefusal(err, { namespace: "deconfliction" });
    return json<ActionData>({ ok: false, formErrors: r.formErrors, fieldErrors: r.fieldErrors, values }, { status: r.status });
  }
}

export default function JustChecking() {
  const { kind: initialKind, defaultCountry, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as SerializeFrom<ActionData> | undefined;
  const { t } = useTranslation(["deconfliction", "common"]);
  const navigation = useNavigation();
  const [kind, setKind] = useState<string>(actionData && isKind(actionData.values.kind) ? actionData.values.kind : initialKind);
  const fieldKind = isKind(kind) ? kind : "phone";
  const failed = actionData && !actionData.ok ? actionData : null;
  const result = actionData?.ok ? actionData : null;
  return (
    <>
      <PageHeader title={t("check.title")} description={t("check.description")} />
      <DeconflictionNav />
      <section className="card" aria-labelledby="reveals-title" style={{ marginBottom: "1rem" }}>
        <h2 id="reveals-title" className="sr-only">
          {t("check.reveals_title")}
        </h2>
        <div className="dc-explain">
          <div>
            <span className="dc-icon dc-icon-yes" aria-hidden="true">
              ✓
            </span>
            <p>
              <strong>{t("check.reveals_title")}</strong>
              {t("check.reveals")}
            </p>
          </div>
          <div>
            <span className="dc-icon dc-icon-no" aria-hidden="true">
              ✕
            </span>
            <p>{t("check.hides")}</p>
          </div>
          <div>
            <span className="dc-icon dc-icon-log" aria-hidden="true">
              ≡
            </span>
            <p>{t("check.logged")}</p>
          </div>
        </div>
      </section>
      <div className="dc-layout">
        <section className="card" aria-labelledby="check-form-title">
          <div className="card-title">
            <h2 id="check-form-title">{t("check.title")}</h2>
          </div>
          <KindPicker id="check-kind" param="kind" value={fieldKind} onChange={setKind} />
          <Form method="post" className="dc-form" key={fieldKind} style={{ marginTop: "1rem" }}>
            <input type="hidden" name="kind" value={fieldKind} />
            <FormErrors errors={failed?.formErrors} />
            <IdentifierFields kind={fieldKind} countries={countries} defaults={actionData?.values} errors={failed?.fieldErrors} idPrefix="check" />
            <div className="dc-fields">
              <div className="field">
                <label htmlFor="check-country">{t("check.default_country")}</label>
                <CountrySelect
                  id="check-country"
                  name="defaultCountry"
                  countries={countries}
                  defaultValue={actionData?.values.defaultCountry ?? defaultCountry}
                  placeholder={t("fields.any_country")}
                  aria-describedby="check-country-hint"
                />
                <span className="hint" id="check-country-hint">
                  {t("check.default_country_hint")}
                </span>
                <FieldError errors={failed?.fieldErrors.defaultCountry} />
              </div>
            </div>
            <div className="form-actions">
              <button type="submit" className="btn btn-primary" disabled={navigation.state === "submitting"}>
                {t("check.button")}
              </button>
            </div>
          </Form>
        </section>
        <div className="stack">
          {result ? (
            <section className={`card dc-result ${result.matches.length ? "dc-result-hit" : "dc-result-clear"}`} aria-live="polite" aria-labelledby="check-result-title">
              <div className="card-title">
                <h2 id="check-result-title">{t("matches.title")}</h2>
              </div>
              <p>
                <span className="muted">{t("check.checked_as")}</span> <strong className="dc-value">{result.display}</strong>
              </p>
              {result.flags.map((f) => (
                <p key={f} className="small muted">
                  {t(`flags.${f}`, { defaultValue: "" })}
                </p>
              ))}
              {result.matches.length ? (
                <>
                  <div className="alert alert-warning" role="status">
                    <strong>{t("matches.found", { count: result.matches.length })}</strong>
                    <div className="small">{t("check.contact_explain")}</div>
                  </div>
                  <MatchList matches={result.matches} />
                </>
              ) : (
                <div className="alert alert-success" role="status">
                  {t("matches.none_check")}
                </div>
              )}
              <p className="small muted" style={{ marginTop: "0.75rem", marginBottom: 0 }}>
                {t("check.register_hint")}
              </p>
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}

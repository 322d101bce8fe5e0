import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "../components/admin/admin-nav";
import { adminRefusal } from "../components/admin/responses.server";
import { Field, FormErrors } from "../components/ui/field";
import { PageHeader } from "../components/ui/misc";
import { settingsSchema } from "../domain/deconfliction/schemas";
import { fieldErrors } from "../domain/validation";
import adminStyles from "../styles/admin.css";
import { requireRole } from "../utils/auth.server";
import { useRootData } from "../utils/root-data";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

// office leads may tune the matcher too (the service allows both); only administrators see the admin area's other tabs
const ROLES = ["admin", "office_lead"] as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireRole(request, context, ROLES);
  return json({ settings: await context.services.deconfliction.getSettings({ actor }) });
}

type ActionData = { formErrors: string[]; fieldErrors: Record<string, string[]>; values: Record<string, string> };

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, context, ROLES);
  const fd = await request.formData();
  const values = Object.fromEntries([...fd.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  // a comma is how half the office writes a decimal
  const input = { ...values, personThreshold: values.personThreshold?.replace(",", ".") };
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) return json<ActionData>({ formErrors: [], fieldErrors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    await context.services.deconfliction.updateSettings({ actor, input: parsed.data });
  } catch (err) {
    const r = adminRefusal(err);
    return json<ActionData>({ formErrors: r.formErrors, fieldErrors: r.fieldErrors, values }, { status: r.status });
  }
  return redirect("/admin/deconfliction?saved=1");
}

const FIELDS = [
  { name: "personThreshold", label: "person_threshold", step: "0.01", min: 0.5, max: 1 },
  { name: "eventBufferM", label: "event_buffer_m", step: "1", min: 0, max: 50000 },
  { name: "eventBufferMinutes", label: "event_buffer_minutes", step: "1", min: 0, max: 1440 },
  { name: "escalationHours", label: "escalation_hours", step: "1", min: 1, max: 168 },
] as const;

export default function DeconflictionSettings() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["deconfliction", "admin", "common"]);
  const { user } = useRootData();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const saved = !actionData && params.get("saved");
  return (
    <>
      <PageHeader
        breadcrumb={user?.officeRole === "admin" ? <Link to="/admin">{t("admin:home.title")}</Link> : <Link to="/deconfliction">{t("deconfliction:hits.title")}</Link>}
        title={t("deconfliction:settings.title")}
        description={t("deconfliction:settings.description")}
      />
      {user?.officeRole === "admin" ? <AdminNav /> : null}
      {saved ? (
        <div className="alert alert-success" role="status" style={{ marginBottom: "1rem" }}>
          {t("deconfliction:settings.saved")}
        </div>
      ) : null}
      <div className="card">
        <Form method="post" className="form" noValidate>
          <FormErrors errors={actionData?.formErrors} />
          {FIELDS.map((f) => {
            const id = `settings-${f.name}`;
            const errors = actionData?.fieldErrors[f.name];
            return (
              <Field key={f.name} label={t(`deconfliction:settings.${f.label}`)} htmlFor={id} hint={t(`deconfliction:settings.${f.label}_hint`)} errors={errors} errorId={`${id}-error`}>
                <input
                  id={id}
                  name={f.name}
                  className="input"
                  style={{ maxWidth: "12rem" }}
                  inputMode={f.name === "personThreshold" ? "decimal" : "numeric"}
                  defaultValue={actionData?.values[f.name] ?? String(settings[f.name])}
                  aria-invalid={errors ? true : undefined}
                  aria-describedby={errors ? `${id}-error` : undefined}
                  required
                />
              </Field>
            );
          })}
          <p className="small muted" style={{ margin: 0 }}>
            {t("deconfliction:settings.applies")}
          </p>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={navigation.state !== "idle"}>
              {t("common:actions.save")}
            </button>
          </div>
        </Form>
      </div>
    </>
  );
}

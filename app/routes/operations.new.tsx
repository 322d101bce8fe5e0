import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OperationFields } from "../components/operations/operation-fields";
import { refusalReply } from "../components/operations/responses.server";
import { FormErrors } from "../components/ui/field";
import { PageHeader } from "../components/ui/misc";
import { CREATABLE_STATUSES, OPERATION_CREATOR_ROLES, createOperationSchema } from "../domain/operations/schemas";
import operationStyles from "../styles/operations.css";
import { requireRole } from "../utils/auth.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: operationStyles }];
export const meta: MetaFunction = () => [{ title: "Concordia" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor, user } = await requireRole(request, context, OPERATION_CREATOR_ROLES);
  const agencies = await context.services.operations.agencyOptions({ actor });
  return json({ agencies, myAgencyId: user.agencyId });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireRole(request, context, OPERATION_CREATOR_ROLES);
  const submission = parseWithZod(await request.formData(), { schema: createOperationSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  try {
    const { id } = await context.services.operations.create({ actor, input: submission.value });
    return redirect(`/operations/${id}`);
  } catch (err) {
    const r = refusalReply(err);
    return json(submission.reply({ formErrors: r.formErrors, fieldErrors: r.fieldErrors }), { status: r.status });
  }
}

export default function NewOperation() {
  const { agencies, myAgencyId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation(["operations", "common"]);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { status: "planning", leadAgencyId: myAgencyId, agencyIds: [myAgencyId] },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createOperationSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const busy = navigation.state !== "idle";
  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/operations">{t("operations:list.title")}</Link>}
        title={t("operations:create.title")}
        description={t("operations:create.description")}
      />
      <div className="card">
        <Form method="post" {...getFormProps(form)} className="form form-wide">
          <FormErrors errors={form.errors} />
          <OperationFields fields={fields} agencies={agencies} statuses={CREATABLE_STATUSES} />
          <p className="small muted">{t("operations:create.you_lead")}</p>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t("operations:create.submitting") : t("operations:create.submit")}
            </button>
            <Link to="/operations" className="btn">
              {t("common:actions.cancel")}
            </Link>
          </div>
        </Form>
      </div>
    </>
  );
}

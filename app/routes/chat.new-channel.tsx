import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MemberPicker } from "../components/chat/member-picker";
import { FieldError, FormErrors } from "../components/ui/field";
import { CHANNEL_NAME_MAX } from "../domain/chat/schemas";
import { useStickyActionData } from "../hooks/use-sticky-action-data";
import { requireUser } from "../utils/auth.server";
import { formRefusal, orNotFound } from "../utils/http.server";

const REFUSALS = { forbidden: { read_only: "chat:errors.read_only", not_lead: "chat:errors.lead_only" }, namespace: "chat" };

/** An operation lead opens a channel for some of the operation's members. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const operationId = new URL(request.url).searchParams.get("operationId") ?? "";
  const [members, op] = await orNotFound(() =>
    Promise.all([context.services.operations.listMembers({ actor, operationId }), context.services.operations.get({ actor, operationId })]),
  );
  if (!members.canManage) throw new Response("Forbidden", { status: 403 });
  return json({ operationId, codeName: op.operation.codeName, members: members.members, me: actor.id });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const fd = await request.formData();
  const input = { operationId: String(fd.get("operationId") ?? ""), name: String(fd.get("name") ?? ""), memberIds: fd.getAll("memberIds").map(String) };
  try {
    const { channelId } = await context.services.chat.createChannel({ actor, input });
    return redirect(`/chat/${channelId}`);
  } catch (err) {
    const r = formRefusal(err, REFUSALS);
    return json({ formErrors: r.formErrors, fieldErrors: r.fieldErrors, memberIds: input.memberIds, name: input.name }, { status: r.status });
  }
}

export default function NewChannel() {
  const { operationId, codeName, members, me } = useLoaderData<typeof loader>();
  const actionData = useStickyActionData<{ formErrors: string[]; fieldErrors: Record<string, string[]>; memberIds: string[]; name: string }>();
  const { t } = useTranslation("chat");
  const busy = useNavigation().state === "submitting";
  return (
    <div className="chat-form-page">
      <header className="chat-head">
        <div className="chat-head-title">
          <h2>{t("chat:channel_form.new_title", { operation: codeName })}</h2>
          <p className="small muted">{t("chat:channel_form.new_intro")}</p>
        </div>
      </header>
      <Form method="post" className="form chat-form-body">
        <input type="hidden" name="operationId" value={operationId} />
        <FormErrors errors={actionData?.formErrors} />
        <div className="field">
          <label htmlFor="nc-name">{t("chat:channel_form.name")}</label>
          <input
            id="nc-name"
            name="name"
            className="input"
            required
            maxLength={CHANNEL_NAME_MAX}
            defaultValue={actionData?.name}
            aria-invalid={actionData?.fieldErrors.name ? true : undefined}
            aria-describedby="nc-name-hint nc-name-err"
          />
          <span id="nc-name-hint" className="hint">
            {t("chat:channel_form.name_hint")}
          </span>
          <FieldError id="nc-name-err" errors={actionData?.fieldErrors.name} />
        </div>
        <MemberPicker members={members} checked={actionData?.memberIds ?? []} locked={me} errors={actionData?.fieldErrors.memberIds} />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t("chat:channel_form.create")}
          </button>
          <Link to="/chat" className="btn">
            {t("chat:new.cancel")}
          </Link>
        </div>
      </Form>
    </div>
  );
}

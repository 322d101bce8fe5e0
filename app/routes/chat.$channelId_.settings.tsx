import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MemberPicker } from "../components/chat/member-picker";
import { FieldError, FormErrors } from "../components/ui/field";
import { CHANNEL_NAME_MAX } from "../domain/chat/schemas";
import { useStickyActionData } from "../hooks/use-sticky-action-data";
import { requireUser } from "../utils/auth.server";
import { formRefusal, orNotFound } from "../utils/http.server";

const REFUSALS = {
  forbidden: { read_only: "chat:errors.read_only", lead_only: "chat:errors.lead_only", general_channel: "chat:errors.general_channel" },
  namespace: "chat",
};

/** An operation lead's settings of a channel: name, members, archive. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const detail = await orNotFound(() => context.services.chat.getChannel({ actor, channelId: params.channelId ?? "" }));
  if (!detail.canManage || !detail.channel.operationId) throw new Response("Forbidden", { status: 403 });
  const operationId = detail.channel.operationId;
  const { members } = await orNotFound(() => context.services.operations.listMembers({ actor, operationId }));
  return json({ detail, members });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const channelId = params.channelId ?? "";
  const fd = await request.formData();
  const intent = String(fd.get("intent") ?? "");
  const chat = context.services.chat;
  try {
    if (intent === "rename") await chat.renameChannel({ actor, input: { channelId, name: String(fd.get("name") ?? "") } });
    else if (intent === "members") await chat.setChannelMembers({ actor, input: { channelId, memberIds: fd.getAll("memberIds").map(String) } });
    else if (intent === "archive" || intent === "unarchive") await chat.archiveChannel({ actor, input: { channelId, archived: intent === "archive" } });
    else throw new Response("Bad Request", { status: 400 });
  } catch (err) {
    if (err instanceof Response) throw err;
    const r = formRefusal(err, REFUSALS);
    return json({ intent, formErrors: r.formErrors, fieldErrors: r.fieldErrors }, { status: r.status });
  }
  return redirect(intent === "archive" ? `/chat/${channelId}` : `/chat/${channelId}/settings?saved=${intent}`);
}

export default function ChannelSettings() {
  const { detail, members } = useLoaderData<typeof loader>();
  const actionData = useStickyActionData<{ intent: string; formErrors: string[]; fieldErrors: Record<string, string[]> }>();
  const { t } = useTranslation("chat");
  const busy = useNavigation().state === "submitting";
  const c = detail.channel;
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  return (
    <div className="chat-form-page">
      <header className="chat-head">
        <div className="chat-head-title">
          <h2>{t("chat:settings.title", { channel: c.name })}</h2>
          <p className="small muted">
            {c.operationCode} · {t("chat:channel.members", { count: detail.members.length })}
          </p>
        </div>
        <div className="chat-head-actions">
          <Link to={`/chat/${c.id}`} className="btn btn-sm">
            {t("chat:settings.back")}
          </Link>
        </div>
      </header>
      <div className="chat-form-body stack">
        <Form method="post" className="card form form-wide">
          <h3>{t("chat:settings.rename")}</h3>
          <input type="hidden" name="intent" value="rename" />
          <FormErrors errors={failed("rename")?.formErrors} />
          <div className="field">
            <label htmlFor="cs-name">{t("chat:channel_form.name")}</label>
            <input id="cs-name" name="name" className="input" required maxLength={CHANNEL_NAME_MAX} defaultValue={c.name ?? ""} aria-invalid={failed("rename")?.fieldErrors.name ? true : undefined} aria-describedby="cs-name-err" />
            <FieldError id="cs-name-err" errors={failed("rename")?.fieldErrors.name} />
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t("chat:settings.save_name")}
            </button>
          </div>
        </Form>
        <Form method="post" className="card form form-wide">
          <h3>{t("chat:settings.members")}</h3>
          <input type="hidden" name="intent" value="members" />
          <FormErrors errors={failed("members")?.formErrors} />
          <MemberPicker members={members} checked={detail.members.map((m) => m.id)} locked={null} errors={failed("members")?.fieldErrors.memberIds} legendHidden />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t("chat:settings.save_members")}
            </button>
          </div>
        </Form>
        <Form method="post" className="card form form-wide">
          <h3>{c.archived ? t("chat:settings.unarchive") : t("chat:settings.archive")}</h3>
          <p className="small muted">{c.archived ? t("chat:settings.unarchive_hint") : t("chat:settings.archive_hint")}</p>
          <input type="hidden" name="intent" value={c.archived ? "unarchive" : "archive"} />
          <FormErrors errors={failed("archive")?.formErrors ?? failed("unarchive")?.formErrors} />
          <div className="form-actions">
            <button type="submit" className={c.archived ? "btn" : "btn btn-danger"} disabled={busy}>
              {c.archived ? t("chat:settings.unarchive") : t("chat:settings.archive")}
            </button>
          </div>
        </Form>
      </div>
    </div>
  );
}

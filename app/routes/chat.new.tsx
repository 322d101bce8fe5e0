import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FieldError, FormErrors } from "../components/ui/field";
import { CountryCode, EmptyState } from "../components/ui/misc";
import { ChatAvatar } from "../components/chat/presence-dot";
import { GROUP_MAX_PEOPLE } from "../domain/chat/schemas";
import { useStickyActionData } from "../hooks/use-sticky-action-data";
import { requireUser } from "../utils/auth.server";
import { formRefusal } from "../utils/http.server";

/** People of the office to write to (the service lists active accounts only). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const q = new URL(request.url).searchParams.get("q")?.trim() ?? "";
  const people = await context.services.chat.directoryForConversations({ actor, q: q.slice(0, 100) });
  return json({ q, people });
}

/** One person: their direct conversation (opened once per pair); several: a group conversation. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const fd = await request.formData();
  const userIds = fd.getAll("userIds").map(String).filter(Boolean);
  try {
    const { channelId } = await context.services.chat.openConversation({ actor, input: { userIds } });
    return redirect(`/chat/${channelId}`);
  } catch (err) {
    const r = formRefusal(err, { namespace: "chat" });
    return json({ formErrors: r.formErrors, fieldErrors: r.fieldErrors }, { status: r.status });
  }
}

export default function NewConversation() {
  const { q, people } = useLoaderData<typeof loader>();
  const actionData = useStickyActionData<{ formErrors: string[]; fieldErrors: Record<string, string[]> }>();
  const { t } = useTranslation("chat");
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const [chosen, setChosen] = useState<string[]>([]);
  const busy = navigation.state === "submitting";
  return (
    <div className="chat-form-page">
      <header className="chat-head">
        <div className="chat-head-title">
          <h2>{t("chat:new.title")}</h2>
          <p className="small muted">{t("chat:new.intro", { max: GROUP_MAX_PEOPLE - 1 })}</p>
        </div>
      </header>
      <div className="chat-form-body">
        <Form method="get" className="row chat-people-search" role="search">
          <label htmlFor="np-q" className="sr-only">
            {t("chat:new.search_label")}
          </label>
          <input id="np-q" name="q" type="search" className="input" defaultValue={q} placeholder={t("chat:new.search_placeholder")} key={params.get("q") ?? ""} />
          <button type="submit" className="btn">
            {t("chat:new.search")}
          </button>
        </Form>
        <Form method="post" className="stack">
          <FormErrors errors={actionData?.formErrors} />
          <FieldError errors={actionData?.fieldErrors.userIds} />
          {people.length === 0 ? (
            <EmptyState title={t("chat:new.nobody")} />
          ) : (
            <fieldset className="chat-people">
              <legend className="sr-only">{t("chat:new.people")}</legend>
              <ul className="chat-people-list">
                {people.map((p) => (
                  <li key={p.id}>
                    <label className="chat-person">
                      <input
                        type="checkbox"
                        name="userIds"
                        value={p.id}
                        checked={chosen.includes(p.id)}
                        onChange={(e) => setChosen((c) => (e.target.checked ? [...c, p.id] : c.filter((x) => x !== p.id)))}
                      />
                      <ChatAvatar user={p} size={30} />
                      <span className="chat-person-name">
                        <strong>{p.name}</strong>
                        <span className="small muted">{p.agencyName}</span>
                      </span>
                      <CountryCode code={p.country} />
                    </label>
                    {p.directChannelId ? (
                      <Link to={`/chat/${p.directChannelId}`} className="btn btn-sm">
                        {t("chat:new.open_existing")}
                      </Link>
                    ) : (
                      <button type="submit" name="userIds" value={p.id} className="btn btn-sm" formNoValidate disabled={busy || chosen.length > 0}>
                        {t("chat:new.message")}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {chosen.length > 1 ? t("chat:new.start_group", { count: chosen.length }) : t("chat:new.start")}
            </button>
            <Link to="/chat" className="btn">
              {t("chat:new.cancel")}
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}

// The members tab and the administrator's operation page share these three verbs and their answers.
import { parseWithZod } from "@conform-to/zod";
import { json } from "@remix-run/node";
import { MEMBER_INTENTS, memberSchemaFor, type MemberIntent } from "../../domain/operations/schemas";
import type { MemberActionData } from "./members-panel";
import { refusalReply } from "./responses.server";

type MemberInput = { userId: string; role?: string };

export function isMemberIntent(v: unknown): v is MemberIntent {
  return typeof v === "string" && (MEMBER_INTENTS as readonly string[]).includes(v);
}

/** Parses one member form, runs its verb, and answers 200, 400 (field errors), 403 (read-only) or 409 (last lead). */
export async function runMemberAction(formData: FormData, run: (intent: MemberIntent, input: MemberInput) => Promise<void>) {
  const intent = formData.get("intent");
  if (!isMemberIntent(intent)) throw new Response("Bad Request", { status: 400 });
  const rawUserId = formData.get("userId");
  const userId = typeof rawUserId === "string" && rawUserId ? rawUserId : null;
  const submission = parseWithZod(formData, { schema: memberSchemaFor[intent] });
  if (submission.status !== "success") {
    return json<MemberActionData>({ intent, userId, result: submission.reply() }, { status: 400 });
  }
  try {
    await run(intent, submission.value);
    return json<MemberActionData>({ intent, userId, result: submission.reply({ resetForm: true }), done: true });
  } catch (err) {
    const r = refusalReply(err);
    return json<MemberActionData>({ intent, userId, result: submission.reply({ formErrors: r.formErrors, fieldErrors: r.fieldErrors }) }, { status: r.status });
  }
}

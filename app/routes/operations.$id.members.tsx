import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { SerializeFrom } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { runMemberAction } from "../components/operations/member-action.server";
import { MembersPanel } from "../components/operations/members-panel";
import { orNotFound } from "../components/operations/responses.server";
import { requireUser } from "../utils/auth.server";
import { useStickyActionData } from "../hooks/use-sticky-action-data";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const data = await orNotFound(() => context.services.operations.listMembers({ actor, operationId: params.id ?? "" }));
  return json(data);
}

/** Add, change a role, remove: the service checks lead (or admin), read-only and the last lead. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { actor } = await requireUser(request, context);
  const operationId = params.id ?? "";
  const ops = context.services.operations;
  return runMemberAction(await request.formData(), async (intent, input) => {
    if (intent === "add") return ops.addMember({ actor, operationId, input });
    if (intent === "change_role") return ops.changeMemberRole({ actor, operationId, input });
    await ops.removeMember({ actor, operationId, input });
    // Someone who removed themselves can no longer see the operation: back to their list, not a 404.
    if (input.userId === actor.id) throw redirect("/operations");
  });
}

export default function OperationMembers() {
  const { members, candidates, canManage } = useLoaderData<typeof loader>();
  const actionData = useStickyActionData<SerializeFrom<typeof action>>();
  return <MembersPanel members={members} candidates={candidates} canManage={canManage} actionData={actionData} />;
}

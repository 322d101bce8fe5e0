import type { Actor, ServiceDeps } from "../context";
import { parseInput } from "../validation";
import { channelReaders, getChannelForActor } from "./access";
import { mentionCandidatesSchema } from "./schemas";
import { idFrom } from "./support";

const LIMIT = 10;

/** Who can be @mentioned in a channel: its readers, by name (the actor left out). */
export async function mentionCandidates(deps: ServiceDeps, { actor, input }: { actor: Actor; input: unknown }) {
  const channelId = idFrom(input, "channelId");
  await getChannelForActor(deps.db, channelId, actor, deps.now());
  const { q } = parseInput(mentionCandidatesSchema, input);
  const needle = q.toLocaleLowerCase();
  const readers = await channelReaders(deps.db, channelId);
  return readers.filter((r) => r.id !== actor.id && (!needle || r.name.toLocaleLowerCase().includes(needle))).slice(0, LIMIT);
}

// The chat verbs, bound in services.ts as services.chat.<verb>.
import { archiveChannel } from "./archive-channel";
import { channelAccess } from "./channel-access";
import { createChannel } from "./create-channel";
import { deleteMessage } from "./delete-message";
import { directoryForConversations } from "./directory";
import { editMessage } from "./edit-message";
import { getChannel } from "./get-channel";
import { getThread } from "./get-thread";
import { listChannels } from "./list-channels";
import { listMessages } from "./list-messages";
import { markRead } from "./mark-read";
import { mentionCandidates } from "./mention-candidates";
import { messageVersionsOf } from "./message-versions";
import { openConversation } from "./open-conversation";
import { postMessage } from "./post-message";
import { renameChannel } from "./rename-channel";
import { searchMessages } from "./search-messages";
import { setChannelMembers } from "./set-channel-members";
import { syncMessages } from "./sync-messages";
import { toggleReaction } from "./toggle-reaction";
import { readableChannelIds } from "./watch";

export const chatVerbs = {
  listChannels,
  getChannel,
  channelAccess,
  createChannel,
  renameChannel,
  archiveChannel,
  setChannelMembers,
  openConversation,
  postMessage,
  listMessages,
  getThread,
  syncMessages,
  editMessage,
  deleteMessage,
  toggleReaction,
  markRead,
  searchMessages,
  messageVersions: messageVersionsOf,
  mentionCandidates,
  directoryForConversations,
  readableChannelIds,
};

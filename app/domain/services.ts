// The one composition point: every service verb, bound to its dependencies.
import { authenticate } from "./auth/authenticate";
import { createSessionManager } from "./auth/sessions";
import { signIn } from "./auth/sign-in";
import { signOut } from "./auth/sign-out";
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment, verifySecondFactor } from "./auth/totp";
import { verifyChain } from "./audit/verify-and-record";
import { exportAudit } from "./audit/export-audit";
import { auditFilterChoices, listAudit, listOperationAudit } from "./audit/list-audit";
import { changePassword } from "./account/change-password";
import { getAccount } from "./account/get-account";
import { disableSecondFactor, getSecondFactor } from "./account/second-factor";
import { listMyOperations } from "./operations/list-my-operations";
import { addMember } from "./operations/add-member";
import { adminGetOperation, adminListOperations } from "./operations/admin-operations";
import { listAgencyOptions } from "./operations/agency-options";
import { changeMemberRole } from "./operations/change-member-role";
import { createOperation } from "./operations/create-operation";
import { getOperation } from "./operations/get-operation";
import { listMembers } from "./operations/list-members";
import { listOperations } from "./operations/list-operations";
import { openOperation } from "./operations/open-operation";
import { removeMember } from "./operations/remove-member";
import { updateAgreement } from "./operations/update-agreement";
import { updateOperation } from "./operations/update-operation";
import { updatePreferences } from "./users/update-preferences";
import { createAgency } from "./agencies/create-agency";
import { findAgencies, getAgency } from "./agencies/get-agency";
import { listAgencies, listAgencyOptions as listAllAgencies } from "./agencies/list-agencies";
import { updateAgency } from "./agencies/update-agency";
import { acceptInvitation, lookupInvitation } from "./invitations/accept-invitation";
import { inviteUser } from "./invitations/invite-user";
import { issuePasswordReset } from "./invitations/issue-password-reset";
import { listInvitations } from "./invitations/list-invitations";
import { reissueInvitation } from "./invitations/reissue-invitation";
import { revokeInvitation } from "./invitations/revoke-invitation";
import { adminOverview } from "./office/overview";
import { listRolePolicies, setRolePolicies } from "./office/role-policies";
import { createUser } from "./users/create-user";
import { disableUser } from "./users/disable-user";
import { enableUser } from "./users/enable-user";
import { findUserIdByEmail, getUser } from "./users/get-user";
import { listUsers } from "./users/list-users";
import { setUserPassword } from "./users/set-password";
import { unlockUser } from "./users/unlock-user";
import { updateUser } from "./users/update-user";
import { boardVerbs } from "./boards/index";
import { deconflictionVerbs } from "./deconfliction/index";
import { chatVerbs } from "./chat/index";
import { countUnreadChannels } from "./chat/count-unread-channels";
import { integrationVerbs } from "./integration/index";
import { countUnreadNotifications, listNotifications } from "./notifications/list-notifications";
import { markAllNotificationsRead, markNotificationsRead } from "./notifications/mark-read";
import type { ServiceDeps } from "./context";

type Bound<F> = F extends (deps: ServiceDeps, ...args: infer A) => infer R ? (...args: A) => R : never;
function bind<T extends Record<string, (deps: ServiceDeps, ...args: never[]) => unknown>>(deps: ServiceDeps, verbs: T) {
  const out = {} as { [K in keyof T]: Bound<T[K]> };
  for (const [k, fn] of Object.entries(verbs)) (out as Record<string, unknown>)[k] = (...args: never[]) => fn(deps, ...args);
  return out;
}

export function createServices(deps: ServiceDeps) {
  const sessions = createSessionManager(deps.db, deps.config, deps.now);
  return {
    deps,
    auth: {
      ...bind(deps, { signIn, signOut, authenticate, verifySecondFactor, startTotpEnrolment, confirmTotpEnrolment, disableTotp }),
      sessionCookie: (sessionId: string) => sessions.cookie(sessionId),
      blankCookie: () => sessions.blankCookie(),
      readSessionId: (cookieHeader: string | null) => sessions.readCookie(cookieHeader),
      aliveSessions: (sessionIds: string[]) => sessions.alive(sessionIds),
    },
    notifications: bind(deps, {
      list: listNotifications,
      unreadCount: countUnreadNotifications,
      markRead: markNotificationsRead,
      markAllRead: markAllNotificationsRead,
    }),
    users: bind(deps, {
      updatePreferences,
      list: listUsers,
      get: getUser,
      findIdByEmail: findUserIdByEmail,
      create: createUser,
      update: updateUser,
      disable: disableUser,
      enable: enableUser,
      unlock: unlockUser,
      setPassword: setUserPassword,
      issuePasswordReset,
    }),
    agencies: bind(deps, { list: listAgencies, options: listAllAgencies, get: getAgency, find: findAgencies, create: createAgency, update: updateAgency }),
    invitations: bind(deps, { invite: inviteUser, list: listInvitations, revoke: revokeInvitation, reissue: reissueInvitation, lookup: lookupInvitation, accept: acceptInvitation }),
    office: bind(deps, { overview: adminOverview, listPolicies: listRolePolicies, setPolicies: setRolePolicies }),
    operations: bind(deps, {
      listMine: listMyOperations,
      list: listOperations,
      create: createOperation,
      get: getOperation,
      open: openOperation,
      update: updateOperation,
      listMembers,
      addMember,
      changeMemberRole,
      removeMember,
      agencyOptions: listAgencyOptions,
      adminList: adminListOperations,
      adminGet: adminGetOperation,
      updateAgreement,
    }),
    audit: bind(deps, { verifyChain, list: listAudit, listForOperation: listOperationAudit, filterChoices: auditFilterChoices, exportCsv: exportAudit }),
    account: bind(deps, { get: getAccount, changePassword, getSecondFactor, disableSecondFactor }),
    boards: bind(deps, boardVerbs),
    deconfliction: bind(deps, deconflictionVerbs),
    chat: { ...bind(deps, chatVerbs), ...bind(deps, { countUnread: countUnreadChannels }) },
    integration: bind(deps, integrationVerbs),
  };
}

export type Services = ReturnType<typeof createServices>;

// Closed lists of names. Adding a value here is a reviewed change that the
// database check constraints, the UI option lists and the translations follow.

export const OFFICE_ROLES = [
  "admin",
  "office_lead",
  "officer",
  "liaison_officer",
  "analyst",
  "ngo_partner",
] as const;
export type OfficeRole = (typeof OFFICE_ROLES)[number];

export const AGENCY_KINDS = [
  "police",
  "border_police",
  "prosecution",
  "customs",
  "fiu",
  "international_organisation",
  "ngo_partner",
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const CRIME_AREAS = [
  "migrant_smuggling",
  "trafficking_in_human_beings",
  "drugs",
  "firearms",
  "money_laundering",
  "cybercrime",
  "document_fraud",
  "other",
] as const;
export type CrimeArea = (typeof CRIME_AREAS)[number];

export const OPERATION_STATUSES = ["planning", "active", "suspended", "closed"] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

export const MEMBER_ROLES = ["lead", "member", "observer"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const HANDLING_CODES = ["H0", "H1", "H2", "H3"] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];

export const UI_LANGUAGES = ["en", "de", "fr", "sq", "sr", "el"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const AUDIT_OUTCOMES = ["success", "failure", "denied"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

// Every audit action, as entity.verb.
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_out",
  "auth.locked",
  "auth.unlocked",
  "auth.totp_enrolled",
  "auth.totp_disabled",
  "auth.totp_verified",
  "auth.totp_failed",
  "auth.recovery_code_used",
  "auth.password_changed",
  "auth.password_reset",
  "user.created",
  "user.updated",
  "user.role_changed",
  "user.disabled",
  "user.enabled",
  "user.invited",
  "user.invitation_accepted",
  "agency.created",
  "agency.updated",
  "office.policy_changed",
  "operation.created",
  "operation.updated",
  "operation.opened",
  "operation.member_added",
  "operation.member_role_changed",
  "operation.member_removed",
  "audit.viewed",
  "audit.exported",
  "audit.verified",
  "invitation.revoked",
  "invitation.reissued",
  "board.created",
  "board.column_created",
  "board.column_updated",
  "board.column_moved",
  "board.column_archived",
  "board.label_created",
  "board.label_updated",
  "board.label_deleted",
  "task.created",
  "task.updated",
  "task.moved",
  "task.assigned",
  "task.commented",
  "task.comment_edited",
  "task.checklist_changed",
  "task.linked",
  "task.unlinked",
  "target.registered",
  "target.checked",
  "target.viewed",
  "target.updated",
  "target.deleted",
  "hit.created",
  "hit.acknowledged",
  "hit.status_changed",
  "hit.resolved",
  "hit.escalated",
  "action.registered",
  "action.checked",
  "action.synced",
  "action.updated",
  "action.cancelled",
  "bulk_check.started",
  "bulk_check.finished",
  "bulk_check.exported",
  "deconfliction.settings_changed",
  "deconfliction.reindexed",
  "chat.channel_created",
  "chat.channel_renamed",
  "chat.channel_archived",
  "chat.channel_unarchived",
  "chat.channel_members_changed",
  "chat.conversation_opened",
  "chat.message_posted",
  "chat.message_edited",
  "chat.message_deleted",
  "chat.reaction_toggled",
  "api_token.created",
  "api_token.revoked",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

// Task boards.
export const TASK_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_TYPES = ["general", "planned_action"] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const PLANNED_ACTION_KINDS = [
  "raid",
  "arrest",
  "search",
  "surveillance",
  "controlled_delivery",
  "interview",
  "undercover_meeting",
] as const;
export type PlannedActionKind = (typeof PLANNED_ACTION_KINDS)[number];

export const TASK_LINK_KINDS = ["relates_to", "blocks", "duplicates"] as const;
export type TaskLinkKind = (typeof TASK_LINK_KINDS)[number];

// Names, not hex values: the UI maps each name to a colour pair with enough contrast.
export const LABEL_COLOURS = ["slate", "red", "orange", "amber", "yellow", "lime", "green", "teal", "cyan", "blue", "violet", "pink"] as const;
export type LabelColour = (typeof LABEL_COLOURS)[number];

// The columns every board starts with; their names are translated until a lead renames them.
export const BOARD_COLUMN_PRESETS = ["backlog", "todo", "in_progress", "blocked", "done"] as const;
export type BoardColumnPreset = (typeof BOARD_COLUMN_PRESETS)[number];

export const NOTIFICATION_KINDS = [
  "task_assigned",
  "task_mentioned",
  "task_due_soon",
  "chat_mentioned",
  "chat_direct_message",
  "deconfliction_hit",
  "deconfliction_escalated",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

import { useTranslation } from "react-i18next";
import type { InvitationStatus } from "../../domain/invitations/schemas";
import type { UserStatus } from "../../domain/users/schemas";
import { Badge } from "../ui/misc";

const USER_TONE: Record<UserStatus, "green" | "blue" | "amber" | "red"> = { active: "green", invited: "blue", locked: "amber", disabled: "red" };
const INVITATION_TONE: Record<InvitationStatus, "green" | "blue" | "grey" | "red"> = { pending: "blue", accepted: "green", expired: "grey", revoked: "red" };

export function UserStatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation("admin");
  return <Badge tone={USER_TONE[status]}>{t(`admin:user_status.${status}`)}</Badge>;
}

export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  const { t } = useTranslation("admin");
  return <Badge tone={INVITATION_TONE[status]}>{t(`admin:invitation_status.${status}`)}</Badge>;
}

export function SecondFactorBadge({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation("admin");
  return enabled ? <Badge tone="green">{t("admin:users.totp_on")}</Badge> : <Badge tone="grey">{t("admin:users.totp_off")}</Badge>;
}

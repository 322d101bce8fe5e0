import { useTranslation } from "react-i18next";
import { Tabs } from "../ui/misc";

/** The administration area's sections, on every admin page. */
export function AdminNav() {
  const { t } = useTranslation(["admin", "deconfliction"]);
  return (
    <Tabs
      items={[
        { to: "/admin", label: t("admin:nav.overview"), end: true },
        { to: "/admin/users", label: t("admin:nav.users") },
        { to: "/admin/agencies", label: t("admin:nav.agencies") },
        { to: "/admin/invitations", label: t("admin:nav.invitations") },
        { to: "/admin/policies", label: t("admin:nav.policies") },
        { to: "/admin/operations", label: t("admin:nav.operations") },
        { to: "/admin/api-tokens", label: t("integration:nav") },
        { to: "/admin/deconfliction", label: t("deconfliction:nav.deconfliction") },
      ]}
    />
  );
}

import { useTranslation } from "react-i18next";
import { PageHeader, Tabs } from "../ui/misc";

/** Title and tabs shared by the profile and the second-factor page. */
export function AccountHeader() {
  const { t } = useTranslation("account");
  return (
    <>
      <PageHeader title={t("account:title")} description={t("account:description")} />
      <Tabs
        items={[
          { to: "/account", label: t("account:tabs.profile"), end: true },
          { to: "/account/security", label: t("account:tabs.security") },
        ]}
      />
    </>
  );
}

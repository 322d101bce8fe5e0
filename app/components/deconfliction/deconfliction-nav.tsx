import { useTranslation } from "react-i18next";
import { Tabs } from "../ui/misc";

/** The deconfliction area's sections. */
export function DeconflictionNav() {
  const { t } = useTranslation("deconfliction");
  return (
    <Tabs
      items={[
        { to: "/deconfliction", label: t("nav.hits"), end: true },
        { to: "/deconfliction/check", label: t("nav.check") },
        { to: "/deconfliction/bulk", label: t("nav.bulk") },
      ]}
    />
  );
}

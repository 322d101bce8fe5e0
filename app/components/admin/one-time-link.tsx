import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../utils/format";
import { useRootData } from "../../utils/root-data";
import { ShownOnce } from "../ui/shown-once";

/** A set-password link shown exactly once, with when it expires. */
export function OneTimeLink({ link, expiresAt, title, name, email }: { link: string; expiresAt: string; title: string; name: string; email: string }) {
  const { t } = useTranslation("admin");
  const { lng, timeZone } = useRootData();
  return (
    <ShownOnce
      title={title}
      intro={t("admin:link.for", { name, email })}
      label={t("admin:link.label")}
      value={link}
      copy={t("admin:link.copy")}
      copied={t("admin:link.copied")}
      onceTitle={t("admin:link.once_title")}
      onceBody={t("admin:link.once_body")}
    >
      <p className="small muted">{t("admin:link.expires", { date: formatDateTime(expiresAt, lng, timeZone) })}</p>
    </ShownOnce>
  );
}

import { useTranslation } from "react-i18next";
import { ShownOnce } from "../ui/shown-once";

/** A new token's secret, shown exactly once, with how to send it. */
export function ApiTokenSecret({ secret, name, agency, prefix }: { secret: string; name: string; agency: string; prefix: string }) {
  const { t } = useTranslation("integration");
  return (
    <ShownOnce
      title={t("integration:secret.title")}
      intro={t("integration:secret.for", { name, agency, prefix })}
      label={t("integration:secret.label")}
      value={secret}
      copy={t("integration:secret.copy")}
      copied={t("integration:secret.copied")}
      onceTitle={t("integration:secret.once_title")}
      onceBody={t("integration:secret.once_body")}
      testId="api-token-secret"
    >
      <p className="small muted">{t("integration:secret.usage")}</p>
      <pre className="api-token-usage mono small">Authorization: Bearer {prefix}_…</pre>
    </ShownOnce>
  );
}

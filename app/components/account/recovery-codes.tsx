import { useTranslation } from "react-i18next";

/** The one-time recovery codes, shown once; a plain-text download so they can be printed or stored offline. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation("account");
  const text = `Concordia\r\n${t("account:security.recovery_title")}\r\n\r\n${codes.join("\r\n")}\r\n`;
  return (
    <>
      <ol className="recovery-codes" aria-label={t("account:security.recovery_title")}>
        {codes.map((c) => (
          <li key={c}>
            <code className="recovery-code">{c}</code>
          </li>
        ))}
      </ol>
      <p className="small">
        <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`} download="concordia-recovery-codes.txt">
          {t("account:security.download_codes")}
        </a>
      </p>
    </>
  );
}

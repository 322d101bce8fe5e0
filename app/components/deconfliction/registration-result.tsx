import { useTranslation } from "react-i18next";
import { MatchList, type MatchView } from "./match-list";

export interface RegistrationResult {
  target: { id: string; kind: string; display: string; flags: string[]; alreadyRegistered?: boolean };
  matches: MatchView[];
  newHitIds: string[];
}

/** The automatic check right after a registration or an edit: found or not, and whom to call. */
export function RegistrationResultPanel({ result, heading }: { result: RegistrationResult; heading: string }) {
  const { t } = useTranslation("deconfliction");
  const found = result.matches.length > 0;
  return (
    <section className={`card dc-result ${found ? "dc-result-hit" : "dc-result-clear"}`} aria-live="polite" aria-labelledby="dc-result-title">
      <div className="card-title">
        <h2 id="dc-result-title">{t("matches.title")}</h2>
      </div>
      <p>
        <strong>{heading}</strong>
      </p>
      {result.target.flags.map((f) => (
        <p key={f} className="small muted">
          {t(`flags.${f}`, { defaultValue: "" })}
        </p>
      ))}
      {found ? (
        <>
          <div className="alert alert-warning" role="status">
            <strong>{t("matches.found", { count: result.matches.length })}</strong>
            <div>{result.newHitIds.length > 0 ? t("matches.new_hits", { count: result.newHitIds.length }) : t("matches.already_known")}</div>
            <div className="small">{t("contact.explain")}</div>
          </div>
          <MatchList matches={result.matches} />
        </>
      ) : (
        <div className="alert alert-success" role="status">
          {t("matches.none")}
        </div>
      )}
    </section>
  );
}

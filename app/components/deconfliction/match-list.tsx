import { useTranslation } from "react-i18next";
import type { PointOfContact } from "../../domain/deconfliction/contacts";
import { formatDateTime } from "../../utils/format";
import { useRootData } from "../../utils/root-data";
import { ContactCard } from "./contact-card";
import { ScoreMeter } from "./hit-badges";
import { useReasonText } from "./reasons";

export interface MatchView {
  score: number;
  reasons: unknown[];
  registeredAt: string;
  contact: PointOfContact;
}

/**
 * What a registration or a check found: per match its score, why, when it was
 * registered there and whom to call. Nothing else about the other operation exists here.
 */
export function MatchList({ matches }: { matches: MatchView[] }) {
  const { t } = useTranslation("deconfliction");
  const { lng, timeZone } = useRootData();
  const reasonText = useReasonText();
  return (
    <ul className="dc-matches">
      {matches.map((m, i) => (
        <li key={i} className="dc-match">
          <div className="dc-match-facts">
            <div className="dc-match-score">
              <span className="small muted">{t("matches.score")}</span>
              <ScoreMeter score={m.score} />
            </div>
            <div>
              <span className="small muted">{t("matches.why")}</span>
              <p className="dc-reasons">{reasonText(m.reasons)}</p>
            </div>
            <div>
              <span className="small muted">{t("matches.registered")}</span>
              <p className="dc-reasons">{formatDateTime(m.registeredAt, lng, timeZone)}</p>
            </div>
          </div>
          <div className="dc-match-contact">
            <h3 className="small muted dc-contact-title">{t("contact.title")}</h3>
            <ContactCard contact={m.contact} />
          </div>
        </li>
      ))}
    </ul>
  );
}

import { useTranslation } from "react-i18next";
import type { PointOfContact } from "../../domain/deconfliction/contacts";
import { CountryCode } from "../ui/misc";

/** Whom to call on the other side: the one thing a hit discloses about it. */
export function ContactCard({ contact, compact = false }: { contact: PointOfContact; compact?: boolean }) {
  const { t } = useTranslation("deconfliction");
  if (compact) {
    return (
      <div className="dc-contact-compact">
        <strong>{contact.name}</strong>
        <span className="small muted">
          <CountryCode code={contact.country} /> {contact.agency}
        </span>
      </div>
    );
  }
  return (
    <dl className="dl dc-contact">
      <dt>{t("contact.name")}</dt>
      <dd>
        <strong>{contact.name}</strong>
      </dd>
      <dt>{t("contact.agency")}</dt>
      <dd>{contact.agency}</dd>
      <dt>{t("contact.country")}</dt>
      <dd>
        <CountryCode code={contact.country} />
      </dd>
      <dt>{t("contact.phone")}</dt>
      <dd>{contact.phone ? <a href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>{contact.phone}</a> : <span className="muted">{t("contact.no_phone")}</span>}</dd>
      <dt>{t("contact.email")}</dt>
      <dd>
        <a href={`mailto:${contact.email}`}>{contact.email}</a>
      </dd>
    </dl>
  );
}

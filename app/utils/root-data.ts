import { useRouteLoaderData } from "@remix-run/react";
import type { OfficeRole, UiLanguage } from "../domain/vocabulary";

export interface RootUser {
  id: string;
  name: string;
  email: string;
  officeRole: OfficeRole;
  agencyName: string;
  agencyCountry: string;
}

export interface RootData {
  lng: UiLanguage;
  timeZone: string;
  unreadNotifications: number;
  user: RootUser | null;
}

/** Language, time zone and the signed-in user, from the root loader. */
export function useRootData(): RootData {
  const data = useRouteLoaderData("root") as RootData | undefined;
  return data ?? { lng: "en", timeZone: "UTC", unreadNotifications: 0, user: null };
}

/** Formats helpers bound to the reader's language and zone. */
export function useReader() {
  const { lng, timeZone } = useRootData();
  return { lng, timeZone };
}

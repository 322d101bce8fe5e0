// Every translation, bundled: the portal must work offline from any CDN.

import en_common from "../locales/en/common.json";
import en_auth from "../locales/en/auth.json";
import en_dashboard from "../locales/en/dashboard.json";
import en_operations from "../locales/en/operations.json";
import en_admin from "../locales/en/admin.json";
import en_audit from "../locales/en/audit.json";
import en_account from "../locales/en/account.json";
import en_live from "../locales/en/live.json";
import en_notifications from "../locales/en/notifications.json";
import en_boards from "../locales/en/boards.json";
import en_integration from "../locales/en/integration.json";
import en_planning from "../locales/en/planning.json";
import en_bulk from "../locales/en/bulk.json";
import en_chat from "../locales/en/chat.json";
import en_deconfliction from "../locales/en/deconfliction.json";
import de_common from "../locales/de/common.json";
import de_auth from "../locales/de/auth.json";
import de_dashboard from "../locales/de/dashboard.json";
import de_operations from "../locales/de/operations.json";
import de_admin from "../locales/de/admin.json";
import de_audit from "../locales/de/audit.json";
import de_account from "../locales/de/account.json";
import de_live from "../locales/de/live.json";
import de_notifications from "../locales/de/notifications.json";
import de_boards from "../locales/de/boards.json";
import de_integration from "../locales/de/integration.json";
import de_planning from "../locales/de/planning.json";
import de_bulk from "../locales/de/bulk.json";
import de_chat from "../locales/de/chat.json";
import de_deconfliction from "../locales/de/deconfliction.json";
import fr_common from "../locales/fr/common.json";
import fr_auth from "../locales/fr/auth.json";
import fr_dashboard from "../locales/fr/dashboard.json";
import fr_operations from "../locales/fr/operations.json";
import fr_admin from "../locales/fr/admin.json";
import fr_audit from "../locales/fr/audit.json";
import fr_account from "../locales/fr/account.json";
import fr_live from "../locales/fr/live.json";
import fr_notifications from "../locales/fr/notifications.json";
import fr_boards from "../locales/fr/boards.json";
import fr_integration from "../locales/fr/integration.json";
import fr_planning from "../locales/fr/planning.json";
import fr_bulk from "../locales/fr/bulk.json";
import fr_chat from "../locales/fr/chat.json";
import fr_deconfliction from "../locales/fr/deconfliction.json";
import sq_common from "../locales/sq/common.json";
import sq_auth from "../locales/sq/auth.json";
import sq_dashboard from "../locales/sq/dashboard.json";
import sq_operations from "../locales/sq/operations.json";
import sq_admin from "../locales/sq/admin.json";
import sq_audit from "../locales/sq/audit.json";
import sq_account from "../locales/sq/account.json";
import sq_live from "../locales/sq/live.json";
import sq_notifications from "../locales/sq/notifications.json";
import sq_boards from "../locales/sq/boards.json";
import sq_integration from "../locales/sq/integration.json";
import sq_planning from "../locales/sq/planning.json";
import sq_bulk from "../locales/sq/bulk.json";
import sq_chat from "../locales/sq/chat.json";
import sq_deconfliction from "../locales/sq/deconfliction.json";
import sr_common from "../locales/sr/common.json";
import sr_auth from "../locales/sr/auth.json";
import sr_dashboard from "../locales/sr/dashboard.json";
import sr_operations from "../locales/sr/operations.json";
import sr_admin from "../locales/sr/admin.json";
import sr_audit from "../locales/sr/audit.json";
import sr_account from "../locales/sr/account.json";
import sr_live from "../locales/sr/live.json";
import sr_notifications from "../locales/sr/notifications.json";
import sr_boards from "../locales/sr/boards.json";
import sr_integration from "../locales/sr/integration.json";
import sr_planning from "../locales/sr/planning.json";
import sr_bulk from "../locales/sr/bulk.json";
import sr_chat from "../locales/sr/chat.json";
import sr_deconfliction from "../locales/sr/deconfliction.json";
import el_common from "../locales/el/common.json";
import el_auth from "../locales/el/auth.json";
import el_dashboard from "../locales/el/dashboard.json";
import el_operations from "../locales/el/operations.json";
import el_admin from "../locales/el/admin.json";
import el_audit from "../locales/el/audit.json";
import el_account from "../locales/el/account.json";
import el_live from "../locales/el/live.json";
import el_notifications from "../locales/el/notifications.json";
import el_boards from "../locales/el/boards.json";
import el_integration from "../locales/el/integration.json";
import el_planning from "../locales/el/planning.json";
import el_bulk from "../locales/el/bulk.json";
import el_chat from "../locales/el/chat.json";
import el_deconfliction from "../locales/el/deconfliction.json";

export const resources = {
  en: { common: en_common, integration: en_integration, auth: en_auth, dashboard: en_dashboard, operations: en_operations, admin: en_admin, audit: en_audit, account: en_account, live: en_live, notifications: en_notifications, boards: en_boards, planning: en_planning, bulk: en_bulk, chat: en_chat, deconfliction: en_deconfliction },
  de: { common: de_common, integration: de_integration, auth: de_auth, dashboard: de_dashboard, operations: de_operations, admin: de_admin, audit: de_audit, account: de_account, live: de_live, notifications: de_notifications, boards: de_boards, planning: de_planning, bulk: de_bulk, chat: de_chat, deconfliction: de_deconfliction },
  fr: { common: fr_common, integration: fr_integration, auth: fr_auth, dashboard: fr_dashboard, operations: fr_operations, admin: fr_admin, audit: fr_audit, account: fr_account, live: fr_live, notifications: fr_notifications, boards: fr_boards, planning: fr_planning, bulk: fr_bulk, chat: fr_chat, deconfliction: fr_deconfliction },
  sq: { common: sq_common, integration: sq_integration, auth: sq_auth, dashboard: sq_dashboard, operations: sq_operations, admin: sq_admin, audit: sq_audit, account: sq_account, live: sq_live, notifications: sq_notifications, boards: sq_boards, planning: sq_planning, bulk: sq_bulk, chat: sq_chat, deconfliction: sq_deconfliction },
  sr: { common: sr_common, integration: sr_integration, auth: sr_auth, dashboard: sr_dashboard, operations: sr_operations, admin: sr_admin, audit: sr_audit, account: sr_account, live: sr_live, notifications: sr_notifications, boards: sr_boards, planning: sr_planning, bulk: sr_bulk, chat: sr_chat, deconfliction: sr_deconfliction },
  el: { common: el_common, integration: el_integration, auth: el_auth, dashboard: el_dashboard, operations: el_operations, admin: el_admin, audit: el_audit, account: el_account, live: el_live, notifications: el_notifications, boards: el_boards, planning: el_planning, bulk: el_bulk, chat: el_chat, deconfliction: el_deconfliction },
} as const;

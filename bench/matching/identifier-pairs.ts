/**
 * Hand-labelled identifier pairs: the same real-world identifier written two
 * ways ("same": true), or two different identifiers that look alike. Two
 * registrations match when their normalised keys (value or alternate keys)
 * intersect. Each side carries the default country of the operation it was
 * registered in.
 */
import type { IdentifierKind } from "../../app/domain/deconfliction/identifiers/kinds";

export interface IdentifierSide {
  raw: Record<string, unknown>;
  country?: string;
}

export interface IdentifierPair {
  kind: IdentifierKind;
  same: boolean;
  a: IdentifierSide;
  b: IdentifierSide;
  note?: string;
}

const pairs: IdentifierPair[] = [];
const side = (raw: Record<string, unknown>, country?: string): IdentifierSide => ({ raw, country });
function same(kind: IdentifierKind, a: IdentifierSide, b: IdentifierSide, note?: string): void {
  pairs.push({ kind, same: true, a, b, note });
}
function diff(kind: IdentifierKind, a: IdentifierSide, b: IdentifierSide, note?: string): void {
  pairs.push({ kind, same: false, a, b, note });
}

// phones
same("phone", side({ number: "+381 64 123 4567" }), side({ number: "0641234567" }, "RS"));
same("phone", side({ number: "00381641234567" }, "AT"), side({ number: "+381641234567" }));
same("phone", side({ number: "064/123-45-67" }, "RS"), side({ number: "+381 (0)64 123 4567" }));
same("phone", side({ number: "+43 664 1234567" }), side({ number: "0664 123 45 67" }, "AT"));
same("phone", side({ number: "06 30 123 4567" }, "HU"), side({ number: "0036301234567" }, "RS"));
same("phone", side({ number: "070 123 456" }, "MK"), side({ number: "+389 70 123 456" }));
same("phone", side({ number: "069 123 4567" }, "AL"), side({ number: "00355 69 123 4567" }, "GR"));
same("phone", side({ number: "694 123 4567" }, "GR"), side({ number: "+30-694-123-4567" }));
diff("phone", side({ number: "+381 64 123 4567" }), side({ number: "+381 64 123 4568" }), "one digit");
diff("phone", side({ number: "070 123 456" }, "MK"), side({ number: "070 123 456" }, "AL"), "same digits, other country");
diff("phone", side({ number: "0641234567" }, "RS"), side({ number: "0641234567" }, "HR"));

// IMEI / IMSI
same("imei", side({ imei: "490154203237518" }), side({ imei: "49 015420 323751 8" }));
same("imei", side({ imei: "490154203237518" }), side({ imei: "49015420323751" }), "without check digit");
same("imei", side({ imei: "490154203237518" }), side({ imei: "4901542032375101" }), "IMEISV from a network record");
same("imei", side({ imei: "356938035643809" }), side({ imei: "356938035643800" }), "spare digit 0 in a call record");
diff("imei", side({ imei: "490154203237518" }), side({ imei: "490154203237526" }), "neighbouring serial");
diff("imei", side({ imei: "356938035643809" }), side({ imei: "3569380356438201" }), "IMEISV of another handset");
same("imsi", side({ imsi: "220 01 1234567890" }), side({ imsi: "220011234567890" }));
diff("imsi", side({ imsi: "220011234567890" }), side({ imsi: "220031234567890" }), "other network");

// e-mail
same("email", side({ email: "Marko.Petrovic@Gmail.com" }), side({ email: " marko.petrovic@gmail.com" }));
same("email", side({ email: "mailto:info@alfatrans.rs" }), side({ email: "INFO@ALFATRANS.RS" }));
same("email", side({ email: "marko.petrovic@gmail.com" }), side({ email: "markopetrovic@gmail.com" }), "one Gmail mailbox: dots are not stripped by design");
diff("email", side({ email: "marko.petrovic@gmx.at" }), side({ email: "markopetrovic@gmx.at" }), "two GMX mailboxes");
diff("email", side({ email: "ahmad.r@yahoo.com" }), side({ email: "ahmad.r@yahoo.de" }));

// IBAN and domestic accounts
same("iban", side({ iban: "RS35 2600 0560 1001 6113 79" }), side({ iban: "rs35260005601001611379" }));
same("iban", side({ iban: "IBAN AT61 1904 3002 3457 3201" }), side({ iban: "AT611904300234573201" }));
same("iban", side({ iban: "DE89 3704 0044 0532 0130 00" }), side({ iban: "DE89-3704-0044-0532-0130-00" }));
same("iban", side({ iban: "GR16 0110 1250 0000 0001 2300 695" }), side({ iban: "GR1601101250000000012300695" }));
diff("iban", side({ iban: "RS35 2600 0560 1001 6113 79" }), side({ iban: "RS35 2600 0560 1001 6113 78" }), "checksum typo: rejected");
diff("iban", side({ iban: "AT611904300234573201" }), side({ iban: "AT021904300234573202" }));
same("bank_account", side({ country: "RS", bankCode: "260", accountNumber: "0056010016113-79" }), side({ country: "RS", bankCode: "260", accountNumber: "56010016113-79" }), "short form");
diff("bank_account", side({ country: "RS", bankCode: "260", accountNumber: "56010016113-79" }), side({ country: "RS", bankCode: "265", accountNumber: "56010016113-79" }), "other bank");

// crypto
same("crypto_wallet", side({ chain: "btc", address: "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4" }), side({ chain: "btc", address: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4" }));
same("crypto_wallet", side({ chain: "eth", address: "0x52908400098527886E0F7030069857D2E4169EE7" }), side({ chain: "eth", address: "52908400098527886e0f7030069857d2e4169ee7" }));
same("crypto_wallet", side({ chain: "btc", address: "bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=0.5" }), side({ chain: "btc", address: "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa" }));
diff("crypto_wallet", side({ chain: "eth", address: "0x52908400098527886E0F7030069857D2E4169EE7" }), side({ chain: "eth", address: "0x52908400098527886E0F7030069857D2E4169EE8" }));
diff("crypto_wallet", side({ chain: "usdt-trc20", address: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t" }), side({ chain: "other", address: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t" }), "same text, chain not the same");

// plates
same("vehicle_plate", side({ country: "RS", plate: "BG 123-AB" }), side({ country: "RS", plate: "bg123ab" }));
same("vehicle_plate", side({ plate: "ČA 045-KL" }, "RS"), side({ country: "RS", plate: "CA045KL" }));
same("vehicle_plate", side({ country: "BG", plate: "СВ 1234 ВН" }), side({ country: "BG", plate: "CB1234BH" }), "Cyrillic look-alikes");
same("vehicle_plate", side({ country: "GR", plate: "ΙΚΥ-1234" }), side({ country: "GR", plate: "IKY 1234" }), "Greek look-alikes");
same("vehicle_plate", side({ country: "UA", plate: "АА 1234 ІХ" }), side({ country: "UA", plate: "AA1234IX" }));
same("vehicle_plate", side({ plate: "W-12345 X" }, "AT"), side({ country: "AT", plate: "W 12345X" }));
diff("vehicle_plate", side({ country: "RS", plate: "BG 123-AB" }), side({ country: "MK", plate: "BG 123-AB" }), "other country");
diff("vehicle_plate", side({ country: "GR", plate: "IKY 1234" }), side({ country: "GR", plate: "IKY 1243" }));

// VIN
same("vin", side({ vin: "WVWZZZ1JZXW000001" }), side({ vin: "wvw zzz 1jz xw 000001" }));
same("vin", side({ vin: "1M8GDM9AXKP042788" }), side({ vin: "1M8-GDM9A-XKP-042788" }));
diff("vin", side({ vin: "WVWZZZ1JZXW000001" }), side({ vin: "WVWZZZ1JZXW000007" }));
diff("vin", side({ vin: "1M8GDM9AXKP042788" }), side({ vin: "1M8GDM9A1KP042788" }), "check-digit typo: rejected");

// documents
same("document", side({ type: "id_card", country: "GR", number: "ΑΒ 123456" }), side({ type: "id_card", country: "GR", number: "AB123456" }));
same("document", side({ type: "passport", country: "RS", number: "012 345 678" }), side({ type: "id_card", country: "RS", number: "012345678" }), "type mislabelled");
same("document", side({ type: "passport", country: "EL", number: "AE1234567" }), side({ type: "passport", country: "GR", number: "ae 1234567" }));
diff("document", side({ type: "passport", country: "RS", number: "012345678" }), side({ type: "passport", country: "MK", number: "012345678" }));

// companies
same("company", side({ name: "Alfa-Trans d.o.o.", country: "RS" }), side({ name: "ALFA TRANS DOO", country: "RS" }));
same("company", side({ name: "Алфа Транс Д.О.О.", country: "RS" }), side({ name: "Alfa Trans doo", country: "RS" }));
same("company", side({ name: "Ευρώπη Μεταφορές Α.Ε.", country: "GR" }), side({ name: "EVROPI METAFORES AE", country: "GR" }));
same("company", side({ name: "Shqiponja sh.p.k.", country: "AL", registrationNumber: "L61234567A" }), side({ name: "Shqiponja Transport", country: "AL", registrationNumber: "L 6123 4567 A" }), "by registration number");
diff("company", side({ name: "Alfa Trans doo", country: "RS" }), side({ name: "Alfa Trans doo", country: "MK" }));
diff("company", side({ name: "Alfa Trans doo", country: "RS" }), side({ name: "Alfa Trade doo", country: "RS" }));

// addresses
same("address", side({ text: "Hauptstr. 5, 1010 Wien" }), side({ text: "Hauptstraße 5, 1010 Wien" }));
same("address", side({ text: "ul. Knez Mihailova br. 5, Beograd" }), side({ text: "Улица Кнез Михаилова 5, Београд" }));
diff("address", side({ text: "Hauptstraße 5, 1010 Wien" }), side({ text: "Hauptstraße 7, 1010 Wien" }));

// online accounts
same("online_account", side({ platform: "instagram", handle: "https://www.instagram.com/Marko.P_88/" }), side({ platform: "instagram", handle: "@marko.p_88" }));
same("online_account", side({ platform: "telegram", handle: "t.me/Balkan_Route" }), side({ platform: "telegram", handle: "@balkan_route" }));
same("online_account", side({ platform: "whatsapp", handle: "https://wa.me/381641234567" }), side({ platform: "whatsapp", handle: "064 123 4567" }, "RS"));
same("online_account", side({ platform: "facebook", handle: "https://facebook.com/marko.petrovic.5" }), side({ platform: "facebook", handle: "markopetrovic5" }));
diff("online_account", side({ platform: "instagram", handle: "@marko.p_88" }), side({ platform: "tiktok", handle: "@marko.p_88" }), "same handle, other platform");
diff("online_account", side({ platform: "telegram", handle: "@balkan_route" }), side({ platform: "telegram", handle: "@balkan_route1" }));

// IP addresses
same("ip_address", side({ ip: "2001:0DB8:0000:0000:0000:ff00:0042:8329" }), side({ ip: "2001:db8::ff00:42:8329" }));
same("ip_address", side({ ip: "::ffff:203.0.113.7" }), side({ ip: "203.0.113.7" }));
same("ip_address", side({ ip: "203.000.113.007" }), side({ ip: "203.0.113.7" }));
diff("ip_address", side({ ip: "203.0.113.7" }), side({ ip: "203.0.113.70" }));

export const IDENTIFIER_PAIRS: readonly IdentifierPair[] = pairs;

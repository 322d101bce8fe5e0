import { describe, expect, it } from "vitest";
import * as address from "../../app/domain/deconfliction/identifiers/address";
import * as company from "../../app/domain/deconfliction/identifiers/company";
import * as document from "../../app/domain/deconfliction/identifiers/document";
import * as online from "../../app/domain/deconfliction/identifiers/online-account";
import * as person from "../../app/domain/deconfliction/identifiers/person";
import * as plate from "../../app/domain/deconfliction/identifiers/vehicle-plate";
import * as vin from "../../app/domain/deconfliction/identifiers/vin";

describe("vehicle plate", () => {
  it.each([
    [{ country: "RS", plate: "BG 123-AB" }, undefined, "RS:BG123AB"],
    [{ country: "RS", plate: "bg123ab" }, undefined, "RS:BG123AB"],
    [{ plate: "BG·123-AB" }, "RS", "RS:BG123AB"],
    [{ country: "RS", plate: "ČA 045-KL" }, undefined, "RS:CA045KL"],
    [{ country: "RS", plate: "ŠA 12-34 ŽĐ" }, undefined, "RS:SA1234ZD"],
    [{ country: "BG", plate: "СВ 1234 ВН" }, undefined, "BG:CB1234BH"], // Cyrillic look-alikes
    [{ country: "BG", plate: "CB 1234 BH" }, undefined, "BG:CB1234BH"],
    [{ country: "UA", plate: "АА 1234 ІХ" }, undefined, "UA:AA1234IX"],
    [{ country: "GR", plate: "ΙΚΥ-1234" }, undefined, "GR:IKY1234"], // Greek look-alikes
    [{ country: "GR", plate: "ΖΧΡ 4321" }, undefined, "GR:ZXP4321"],
    [{ country: "GR", plate: "ZXP-4321" }, undefined, "GR:ZXP4321"],
    [{ country: "AT", plate: "W-12345 X" }, undefined, "AT:W12345X"],
    [{ country: "MK", plate: "SK 1234 AB" }, undefined, "MK:SK1234AB"],
  ])("%j (operation %s) → %s", (raw, defaultCountry, key) => {
    expect(plate.normalise(plate.vehiclePlateInput.parse(raw), { defaultCountry })).toMatchObject({ ok: true, value: key });
  });

  it.each([
    [{ plate: "BG 123-AB" }, undefined, "country_required"],
    [{ country: "BG", plate: "ГД 1234 ВН" }, undefined, "plate_invalid_characters"], // Г, Д have no Latin look-alike
    [{ country: "GR", plate: "ΦΩΣ 123" }, undefined, "plate_invalid_characters"],
    [{ country: "RS", plate: "B" }, undefined, "plate_length"],
    [{ country: "RS", plate: "ABCDEFGHIJKLM" }, undefined, "plate_length"],
    [{ country: "RS", plate: "BG#123" }, undefined, "plate_invalid_characters"],
  ])("%j is rejected with %s", (raw, defaultCountry, code) => {
    expect(plate.normalise(plate.vehiclePlateInput.parse(raw), { defaultCountry })).toEqual({ ok: false, code });
  });

  it("reads the EU code EL as Greece", () => {
    expect(plate.vehiclePlateInput.parse({ country: "el", plate: "x1" }).country).toBe("GR");
  });
});

describe("vin", () => {
  it.each([
    ["1M8GDM9AXKP042788", undefined], // North American, check digit X valid
    ["1m8gdm9a-xkp042788", undefined],
    ["1HGCM82633A004352", undefined],
    ["WVWZZZ1JZXW000001", ["vin_check_digit_mismatch"]], // European: check digit not used
    ["WDB1240821A123456", ["vin_check_digit_mismatch"]],
    ["VF1RFB00356123456", undefined], // European with a valid check digit
  ])("%s is accepted", (value, flags) => {
    const r = vin.normalise({ vin: value });
    const key = value.replace(/-/g, "").toUpperCase();
    expect(r).toEqual({ ok: true, value: key, display: key, ...(flags ? { flags } : {}) });
  });

  it.each([
    ["1M8GDM9A1KP042788", "vin_check_digit"], // North American with a wrong check digit: a typo
    ["1HGCM82633A00435", "vin_length"],
    ["WVWZZZ1JZXW00000O", "vin_letters_ioq"],
    ["WVWZZZ1JZXW00000I", "vin_letters_ioq"],
    ["WVWZZZ1JZXW0000Q1", "vin_letters_ioq"],
    ["WVWZZZ1JZXW0000_1", "vin_invalid_characters"],
  ])("%s is rejected with %s", (value, code) => {
    expect(vin.normalise({ vin: value })).toEqual({ ok: false, code });
  });

  it("computes the check digit", () => {
    expect(vin.vinCheckDigit("11111111111111111")).toBe("1");
    expect(vin.vinCheckDigit("1M8GDM9AXKP042788")).toBe("X");
  });
});

describe("document", () => {
  it.each([
    [{ type: "id_card", country: "GR", number: "ΑΒ 123456" }, "GR:AB123456"],
    [{ type: "id_card", country: "GR", number: "AB-123456" }, "GR:AB123456"],
    [{ type: "passport", country: "RS", number: "012 345 678" }, "RS:012345678"],
    [{ type: "id_card", country: "RS", number: "012345678" }, "RS:012345678"], // type is not in the key
    [{ type: "passport", country: "AL", number: "bf1234567" }, "AL:BF1234567"],
    [{ type: "residence_permit", country: "AT", number: "AT<1234567<" }, "AT:AT1234567"],
    [{ type: "passport", country: "MK", number: "А 1234567" }, "MK:A1234567"],
  ])("%j → %s", (raw, key) => {
    expect(document.normalise(document.documentInput.parse(raw))).toMatchObject({ ok: true, value: key });
  });

  it.each([
    [{ type: "passport", country: "RS", number: "12" }, "document_number_length"],
    [{ type: "passport", country: "RS", number: "1234567890123456789012" }, "document_number_length"],
    [{ type: "passport", country: "RS", number: "ΦΨ123456" }, "document_number_invalid_characters"],
    [{ type: "passport", country: "RS", number: "0000000" }, "document_number_invalid_characters"],
  ])("%j is rejected with %s", (raw, code) => {
    expect(document.normalise(document.documentInput.parse(raw))).toEqual({ ok: false, code });
  });

  it.each([
    [{ type: "ticket", country: "RS", number: "123456" }, "deconfliction:errors.document_type_invalid"],
    [{ type: "passport", country: "Serbia", number: "123456" }, "deconfliction:errors.country_invalid"],
  ])("schema rejects %j", (raw, message) => {
    expect(document.documentInput.safeParse(raw).error?.issues[0]?.message).toBe(message);
  });
});

describe("company", () => {
  it.each([
    [{ name: "Alfa-Trans d.o.o.", country: "RS" }, "RS:alfa trans"],
    [{ name: "ALFA TRANS DOO", country: "RS" }, "RS:alfa trans"],
    [{ name: "Алфа Транс Д.О.О.", country: "RS" }, "RS:alfa trans"],
    [{ name: "„Alfa Trans“ d. o. o.", country: "RS" }, "RS:alfa trans"],
    [{ name: "Shqiponja sh.p.k.", country: "AL" }, "AL:shqiponja"],
    [{ name: "SHQIPONJA SHPK", country: "AL" }, "AL:shqiponja"],
    [{ name: "Ευρώπη Μεταφορές Α.Ε.", country: "GR" }, "GR:evropi metafores"],
    [{ name: "Evropi Metafores S.A.", country: "GR" }, "GR:evropi metafores"],
    [{ name: "Donau Logistik GmbH", country: "AT" }, "AT:donau logistik"],
    [{ name: "Duna Logisztika Kft.", country: "HU" }, "HU:duna logisztika"],
    [{ name: "Балкан Експрес ЕООД", country: "BG" }, "BG:balkan ekspres"],
    [{ name: "Vardar Trade DOOEL Skopje", country: "MK" }, "MK:vardar trade dooel skopje"], // a town after the form stays
    [{ name: "Mediterranean Shipping Ltd.", country: "CY" }, "CY:mediterranean shipping"],
    [{ name: "Müller & Söhne GmbH & Co. KG", country: "AT" }, "AT:muller sohne"],
  ])("%j → %s", (raw, key) => {
    expect(company.normalise(company.companyInput.parse(raw))).toMatchObject({ ok: true, value: key });
  });

  it("keys the registration number as an alternate key", () => {
    const r = company.normalise(company.companyInput.parse({ name: "Alfa Trans doo", country: "RS", registrationNumber: "21 234-567" }));
    expect(r).toMatchObject({ ok: true, value: "RS:alfa trans", alternateKeys: ["RS:reg:21234567"] });
  });

  it.each([
    [{ name: "d. o. o.", country: "RS" }, "company_name_invalid"],
    [{ name: "GmbH", country: "AT" }, "company_name_invalid"],
    [{ name: "Alfa", country: "RS", registrationNumber: "#" }, "company_registration_invalid"],
  ])("%j is rejected with %s", (raw, code) => {
    expect(company.normalise(company.companyInput.parse(raw))).toEqual({ ok: false, code });
  });
});

describe("address", () => {
  it.each([
    ["Hauptstr. 5, 1010 Wien", "hauptstrasse 5 1010 wien"],
    ["Hauptstraße 5, 1010 Wien", "hauptstrasse 5 1010 wien"],
    ["HAUPTSTRASSE 5 - 1010 WIEN", "hauptstrasse 5 1010 wien"],
    ["Mariahilfer Str. 12", "mariahilfer strasse 12"],
    ["ul. Knez Mihailova br. 5, Beograd", "ulica knez mihailova 5 beograd"],
    ["Улица Кнез Михаилова 5, Београд", "ulica knez mihailova 5 beograd"],
    ["Bul. oslobođenja 12 a, Novi Sad", "bulevar oslobodjenja 12a novi sad"],
    ["Rr. Myslym Shyri 12, Tiranë", "rruga myslym shyri 12 tirane"],
    ["Λεωφ. Συγγρού 10, Αθήνα", "leoforos syngrou 10 athina"],
    ["Οδ. Ερμού 5, Αθήνα", "odos ermou 5 athina"],
    ["St. Pöltner Str. 3", "sankt poltner strasse 3"],
    ["12 Baker St.", "12 baker street"],
    ["Rákóczi út 15, Budapest", "rakoczi ut 15 budapest"],
  ])("%s → %s", (text, key) => {
    expect(address.normalise(address.addressInput.parse({ text }))).toMatchObject({ ok: true, value: key });
  });

  it("keeps the country out of the key but in the display", () => {
    const r = address.normalise(address.addressInput.parse({ text: "Hauptstr. 5", country: "AT", lat: 48.2, lon: 16.37 }));
    expect(r).toEqual({ ok: true, value: "hauptstrasse 5", display: "Hauptstr. 5 (AT)" });
  });

  it.each([
    [{ text: "12" }, "address_invalid"],
    [{ text: "--" }, "address_invalid"],
  ])("%j is rejected with %s", (raw, code) => {
    expect(address.normalise(address.addressInput.parse(raw))).toEqual({ ok: false, code });
  });

  it.each([
    [{ text: "Main St. 1", lat: 91, lon: 0 }, "deconfliction:errors.latitude_invalid"],
    [{ text: "Main St. 1", lat: 45, lon: 181 }, "deconfliction:errors.longitude_invalid"],
    [{ text: "Main St. 1", lat: 45 }, "deconfliction:errors.coordinates_incomplete"],
  ])("schema rejects %j", (raw, message) => {
    expect(address.addressInput.safeParse(raw).error?.issues[0]?.message).toBe(message);
  });
});

describe("online account", () => {
  it.each([
    [{ platform: "instagram", handle: "https://www.instagram.com/Marko.P_88/" }, "instagram:marko.p_88"],
    [{ platform: "instagram", handle: "@marko.p_88" }, "instagram:marko.p_88"],
    [{ platform: "telegram", handle: "https://t.me/Marko_P88" }, "telegram:marko_p88"],
    [{ platform: "telegram", handle: "@Marko_P88" }, "telegram:marko_p88"],
    [{ platform: "tiktok", handle: "https://www.tiktok.com/@balkan.route?lang=en" }, "tiktok:balkan.route"],
    [{ platform: "x", handle: "https://twitter.com/SomeOne_1" }, "x:someone_1"],
    [{ platform: "x", handle: "x.com/someone_1" }, "x:someone_1"],
    [{ platform: "facebook", handle: "https://facebook.com/marko.petrovic.5" }, "facebook:markopetrovic5"],
    [{ platform: "facebook", handle: "markopetrovic5" }, "facebook:markopetrovic5"],
    [{ platform: "facebook", handle: "https://www.facebook.com/profile.php?id=100012345678901" }, "facebook:100012345678901"],
    [{ platform: "whatsapp", handle: "https://wa.me/381641234567" }, "whatsapp:+381641234567"],
    [{ platform: "whatsapp", handle: "+381 64 123 4567" }, "whatsapp:+381641234567"],
    [{ platform: "viber", handle: "064 123 4567" }, "viber:+381641234567"],
    [{ platform: "signal", handle: "0641234567" }, "signal:+381641234567"],
    [{ platform: "signal", handle: "Marko.88" }, "signal:marko.88"],
    [{ platform: "other", handle: "Snap:Marko88" }, "other:snap:marko88"],
  ])("%j → %s", (raw, key) => {
    expect(online.normalise(online.onlineAccountInput.parse(raw), { defaultCountry: "RS" })).toMatchObject({ ok: true, value: key });
  });

  it.each([
    [{ platform: "whatsapp", handle: "marko" }, "online_account_phone_invalid"],
    [{ platform: "telegram", handle: "abc" }, "online_account_handle_invalid"],
    [{ platform: "x", handle: "this_handle_is_too_long" }, "online_account_handle_invalid"],
    [{ platform: "instagram", handle: "two words" }, "online_account_handle_invalid"],
  ])("%j is rejected with %s", (raw, code) => {
    expect(online.normalise(online.onlineAccountInput.parse(raw), { defaultCountry: "RS" })).toEqual({ ok: false, code });
  });
});

describe("person", () => {
  it.each([
    [{ names: ["Марко Петровић"], dateOfBirth: "1985-03-12" }, { names: ["Petrović Marko"], dateOfBirth: "1985-03-12" }],
    [{ names: ["Mohamed Al-Hassan"], birthYear: 1990 }, { names: ["Muhammad al Hasan"], birthYear: 1990 }],
    [{ names: ["Γεώργιος Παπαδόπουλος"] }, { names: ["PAPADOPOULOS Georgios"] }],
  ])("%j and %j share a key", (a, b) => {
    const ra = person.normalise(person.personInput.parse(a));
    const rb = person.normalise(person.personInput.parse(b));
    expect(ra.ok && rb.ok && ra.value === rb.value).toBe(true);
  });

  it("different dates give different keys", () => {
    const a = person.normalise(person.personInput.parse({ names: ["Marko Petrović"], dateOfBirth: "1985-03-12" }));
    const b = person.normalise(person.personInput.parse({ names: ["Marko Petrović"], dateOfBirth: "1985-03-13" }));
    expect(a.ok && b.ok && a.value !== b.value).toBe(true);
  });

  it.each([
    [{ names: [] }, "deconfliction:errors.person_name_required"],
    [{ names: ["Marko"], dateOfBirth: "1985-02-30" }, "deconfliction:errors.date_of_birth_invalid"],
    [{ names: ["Marko"], dateOfBirth: "12.03.1985" }, "deconfliction:errors.date_of_birth_invalid"],
    [{ names: ["Marko"], birthYear: 1850 }, "deconfliction:errors.birth_year_invalid"],
    [{ names: ["Marko"], dateOfBirth: "1985-03-12", birthYear: 1986 }, "deconfliction:errors.birth_year_conflicts_with_date"],
    [{ names: ["Marko"], nationality: "YU" }, "deconfliction:errors.country_invalid"],
    [{ names: ["Marko"], sex: "male" }, "deconfliction:errors.sex_invalid"],
  ])("schema rejects %j", (raw, message) => {
    expect(person.personInput.safeParse(raw).error?.issues[0]?.message).toBe(message);
  });

  it("rejects a name with no letters", () => {
    expect(person.normalise(person.personInput.parse({ names: ["--- 123"] }))).toEqual({ ok: false, code: "person_name_invalid" });
  });
});
